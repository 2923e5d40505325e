package io.launcher.cli;

import io.launcher.api.ImageDetails;
import io.launcher.api.ImageReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code images}: Docker's image table, newest first; {@code images base} keeps one repository. */
public final class ImagesCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    CommandSpec spec;

    /** Accepted for Docker's sake: imports make no intermediate images, so "all" is every image. */
    boolean all;
    boolean quiet;
    boolean noTrunc;
    String format;
    String reference;

    ImagesCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code images}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        spec = CommandDeclaration.command(this, "images", "List images")
                .flag("-a --all", "Show all images (default hides intermediate images)")
                .flag("-q --quiet", "Only show image IDs")
                .flag("--no-trunc", "Don't truncate output")
                .option("--format", "FORMAT", "Format output using a Go template")
                .help()
                .optionalOperand("0", "REPOSITORY[:TAG]", null)
                .spec();
        return spec;
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--all" -> all = (Boolean) value;
            case "--quiet" -> quiet = (Boolean) value;
            case "--no-trunc" -> noTrunc = (Boolean) value;
            case "--format" -> format = (String) value;
            case "REPOSITORY[:TAG]" -> reference = (String) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() {
        FormatTemplate template = Listing.template(spec, format, ImageRow.DEFAULT_FORMAT);
        List<ImageDetails> images = new ArrayList<>(launcher.engine().images());
        images.sort(new NewestFirst());
        Instant now = launcher.session().clock().instant();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ImageDetails image : images) {
            for (Map<String, Object> row : ImageRow.of(image, now, !noTrunc, template)) {
                if (matches(row)) {
                    rows.add(row);
                }
            }
        }
        if (quiet) {
            Set<Object> ids = new LinkedHashSet<>();
            rows.forEach(row -> ids.add(row.get("ID")));
            ids.forEach(launcher.session().out()::println);
            return 0;
        }
        Listing.print(launcher.session().out(), rows, template, ImageRow.TITLES);
        return 0;
    }

    private boolean matches(Map<String, Object> row) {
        if (reference == null) {
            return true;
        }
        boolean withTag = reference.lastIndexOf(':') > reference.lastIndexOf('/');
        ImageReference wanted = ImageReference.parse(reference);
        return wanted.repository().equals(row.get("Repository")) && (!withTag || wanted.tag().equals(row.get("Tag")));
    }

    /** Newest first, as Docker lists them; a class for the reason of {@code PsCommand}'s. */
    private static final class NewestFirst implements Comparator<ImageDetails> {
        @Override
        public int compare(ImageDetails a, ImageDetails b) {
            return b.created().compareTo(a.created());
        }
    }
}

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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code images}: Docker's image table, newest first; {@code images base} keeps one repository. */
@Command(name = "images", description = "List images")
public final class ImagesCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Spec
    CommandSpec spec;

    /** Accepted for Docker's sake: imports make no intermediate images, so "all" is every image. */
    @Option(names = {"-a", "--all"}, description = "Show all images (default hides intermediate images)")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only show image IDs")
    boolean quiet;

    @Option(names = "--no-trunc", description = "Don't truncate output")
    boolean noTrunc;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Format output using a Go template")
    String format;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(arity = "0..1", paramLabel = "REPOSITORY[:TAG]")
    String reference;

    @Override
    public Integer call() {
        FormatTemplate template = Listing.template(spec, format, ImageRow.DEFAULT_FORMAT);
        List<ImageDetails> images = new ArrayList<>(launcher.engine().images());
        images.sort(Comparator.comparing(ImageDetails::created).reversed());
        Instant now = launcher.session().clock().instant();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ImageDetails image : images) {
            for (Map<String, Object> row : ImageRow.of(image, now, !noTrunc)) {
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
}

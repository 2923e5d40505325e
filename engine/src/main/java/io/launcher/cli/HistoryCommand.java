package io.launcher.cli;

import io.launcher.api.ImageHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code history}: an image's steps, newest first, in Docker's columns. */
public final class HistoryCommand implements Callable<Integer>, CommandDeclaration.Fields {
    static final String DEFAULT_FORMAT = "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";
    static final Map<String, String> TITLES = Map.of("ID", "IMAGE", "CreatedSince", "CREATED", "CreatedAt", "CREATED AT",
            "CreatedBy", "CREATED BY", "Size", "SIZE", "Comment", "COMMENT");
    private static final int CREATED_BY_WIDTH = 45;

    final LauncherCommand launcher;

    CommandSpec spec;
    boolean human;
    boolean quiet;
    boolean noTrunc;
    String format;
    String image;

    HistoryCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code history}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        spec = CommandDeclaration.command(this, "history", "Show the history of an image")
                .flagOnByDefault("-H --human", "Print sizes and dates in human readable format (default true)")
                .flag("-q --quiet", "Only show image IDs")
                .flag("--no-trunc", "Don't truncate output")
                .option("--format", "FORMAT", "Format output using a Go template")
                .help()
                .operand("0", "IMAGE", null)
                .spec();
        return spec;
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--human" -> human = (Boolean) value;
            case "--quiet" -> quiet = (Boolean) value;
            case "--no-trunc" -> noTrunc = (Boolean) value;
            case "--format" -> format = (String) value;
            case "IMAGE" -> image = (String) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() {
        FormatTemplate template = Listing.template(spec, quiet ? "{{.ID}}" : format, DEFAULT_FORMAT);
        Instant now = launcher.session().clock().instant();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ImageHistory step : launcher.engine().history(image)) {
            rows.add(row(step, now, template));
        }
        Listing.print(launcher.session().out(), rows, template, TITLES);
        return 0;
    }

    /** CreatedAt (and CreatedSince without -H) only where {@code shown} uses them: see {@link FormatTemplate#uses}. */
    private Map<String, Object> row(ImageHistory step, Instant now, FormatTemplate shown) {
        Map<String, Object> row = new TreeMap<>();
        boolean missing = step.id().equals(ImageHistory.MISSING);
        row.put("ID", missing || noTrunc ? step.id() : step.id().substring("sha256:".length(), "sha256:".length() + 12));
        if (shown.uses("CreatedAt")) {
            row.put("CreatedAt", GoTime.string(step.created()));
        }
        if (human) {
            row.put("CreatedSince", HumanDuration.of(Duration.between(step.created(), now)) + " ago");
        } else if (shown.uses("CreatedSince")) {
            row.put("CreatedSince", GoTime.string(step.created()));
        }
        String createdBy = step.createdBy().replace('\t', ' ').replace('\n', ' ');
        row.put("CreatedBy", !noTrunc && createdBy.length() > CREATED_BY_WIDTH
                ? createdBy.substring(0, CREATED_BY_WIDTH - 1) + "…" : createdBy);
        row.put("Size", human ? HumanSize.decimal(step.size()) : Long.toString(step.size()));
        row.put("Comment", step.comment());
        return row;
    }
}

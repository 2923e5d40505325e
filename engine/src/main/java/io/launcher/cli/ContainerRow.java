package io.launcher.cli;

import io.launcher.api.ContainerDetails;
import io.launcher.api.ContainerState;
import io.launcher.api.ContainerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** One line of {@code ps}: the fields Docker's container formatter offers, as strings. */
final class ContainerRow {
    static final String DEFAULT_FORMAT =
            "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";
    static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("ID", "CONTAINER ID"), Map.entry("Image", "IMAGE"), Map.entry("Command", "COMMAND"),
            Map.entry("RunningFor", "CREATED"), Map.entry("CreatedAt", "CREATED AT"), Map.entry("Status", "STATUS"),
            Map.entry("Ports", "PORTS"), Map.entry("Names", "NAMES"), Map.entry("State", "STATE"),
            Map.entry("Labels", "LABELS"), Map.entry("Size", "SIZE"), Map.entry("Mounts", "MOUNTS"),
            Map.entry("Networks", "NETWORKS"), Map.entry("LocalVolumes", "LOCAL VOLUMES"));
    private static final int COMMAND_WIDTH = 20;

    private ContainerRow() {
    }

    /** The row's fields, sorted by name as Go's JSON encoder sorts a map; CreatedAt only where {@code shown} uses it. */
    static Map<String, Object> of(ContainerDetails container, Instant now, boolean truncate, FormatTemplate shown) {
        Map<String, Object> row = new TreeMap<>();
        row.put("ID", truncate ? container.id().shortId() : container.id().value());
        row.put("Image", container.config().image());
        row.put("Command", quote(truncate ? ellipsis(command(container), COMMAND_WIDTH) : command(container)));
        if (shown.uses("CreatedAt")) {
            row.put("CreatedAt", GoTime.string(container.created()));
        }
        row.put("RunningFor", HumanDuration.of(Duration.between(container.created(), now)) + " ago");
        row.put("Status", status(container.state(), now));
        row.put("State", container.state().status().apiName());
        row.put("Ports", PortText.column(container));
        row.put("Names", name(container));
        row.put("Labels", labels(container.config().labels()));
        row.put("Mounts", String.join(",", container.hostConfig().binds()));
        row.put("Networks", container.hostConfig().networkMode().apiName());
        row.put("LocalVolumes", "0");
        row.put("Size", "0B");
        return row;
    }

    static String name(ContainerDetails container) {
        String name = container.name() == null ? "" : container.name();
        return name.startsWith("/") ? name.substring(1) : name;
    }

    /** Docker's STATUS column: "Up 3 seconds", "Exited (0) 5 seconds ago", "Created". */
    static String status(ContainerState state, Instant now) {
        ContainerStatus status = state.status();
        switch (status) {
            case CREATED:
                return "Created";
            case RUNNING:
                return "Up " + since(state.startedAt(), now);
            case PAUSED:
                return "Up " + since(state.startedAt(), now) + " (Paused)";
            case RESTARTING:
                return "Restarting (" + state.exitCode() + ") " + since(state.finishedAt(), now) + " ago";
            case REMOVING:
                return "Removal In Progress";
            case DEAD:
                return "Dead";
            default:
                if (state.finishedAt() == null || state.finishedAt().equals(ContainerState.NEVER)) {
                    return "Exited (" + state.exitCode() + ")";
                }
                return "Exited (" + state.exitCode() + ") " + since(state.finishedAt(), now) + " ago";
        }
    }

    private static String since(Instant then, Instant now) {
        return HumanDuration.of(Duration.between(then, now));
    }

    private static String command(ContainerDetails container) {
        List<String> words = new ArrayList<>(container.config().entrypoint());
        words.addAll(container.config().cmd());
        return String.join(" ", words);
    }

    /** Docker's truncation: keep {@code width - 1} characters and add an ellipsis. */
    static String ellipsis(String text, int width) {
        if (text.codePointCount(0, text.length()) <= width) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, width - 1)) + "…";
    }

    /** Go's strconv.Quote for the printable text commands hold. */
    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder();
        JsonText.quote(quoted, text, false);
        return quoted.toString();
    }

    private static String labels(Map<String, String> labels) {
        StringJoiner joined = new StringJoiner(",");
        new TreeMap<>(labels).forEach((key, value) -> joined.add(key + "=" + value));
        return joined.toString();
    }
}

package io.launcher.cli;

import io.launcher.api.ContainerDetails;
import io.launcher.api.ContainerStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code ps --filter KEY=VALUE}, Docker's keys: {@code id}, {@code name} (a regular expression),
 * {@code label} ({@code key} or {@code key=value}), {@code status}, {@code exited}, {@code ancestor}.
 * Values of one key are alternatives; different keys must all match.
 */
final class ContainerFilter {
    private static final List<String> KEYS = List.of("id", "name", "label", "status", "exited", "ancestor");

    private final Map<String, List<String>> values;

    private ContainerFilter(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Parses the flags; a malformed one fails with Docker's wording. */
    static ContainerFilter parse(List<String> filters) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String filter : filters) {
            int eq = filter.indexOf('=');
            String key = eq < 0 ? filter : filter.substring(0, eq);
            if (eq < 0 || !KEYS.contains(key)) {
                throw new IllegalArgumentException("invalid filter '" + filter + "'");
            }
            String value = filter.substring(eq + 1);
            if (key.equals("name")) {
                try {
                    Pattern.compile(value);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("invalid filter '" + filter + "': bad regular expression");
                }
            }
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return new ContainerFilter(values);
    }

    /** Whether stopped containers must be listed even without {@code -a}. */
    boolean wantsStopped() {
        return values.containsKey("status") || values.containsKey("exited");
    }

    boolean test(ContainerDetails container) {
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            if (entry.getValue().stream().noneMatch(value -> matches(entry.getKey(), value, container))) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(String key, String value, ContainerDetails container) {
        switch (key) {
            case "id":
                return container.id().value().startsWith(value);
            case "name":
                return Pattern.compile(value).matcher(ContainerRow.name(container)).find();
            case "label":
                int eq = value.indexOf('=');
                Map<String, String> labels = container.config().labels();
                return eq < 0 ? labels.containsKey(value) : value.substring(eq + 1).equals(labels.get(value.substring(0, eq)));
            case "status":
                return container.state().status().apiName().equals(value);
            case "exited":
                return container.state().status() == ContainerStatus.EXITED
                        && Integer.toString(container.state().exitCode()).equals(value);
            default:
                String image = container.config().image();
                return image.equals(value) || image.equals(value + ":latest") || container.image().toString().equals(value);
        }
    }
}

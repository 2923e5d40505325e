package io.launcher.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.ContainerDetails;
import io.launcher.api.ContainerStatus;
import io.launcher.api.InvalidSpecException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code filters} of {@code GET /containers/json}: {@code {"label":["k","k=v"]}} (or the old
 * {@code {"label":{"k=v":true}}}). Keys combine with AND; values OR, except labels, which must
 * all match. A key this engine cannot apply is refused, never ignored: Testcontainers removes
 * whatever the list returns, so a filter that matched everything would delete every container.
 */
final class ContainerFilters implements Predicate<ContainerDetails> {
    private final Map<String, List<String>> filters;

    private ContainerFilters(Map<String, List<String>> filters) {
        this.filters = filters;
    }

    static ContainerFilters parse(String json) throws JsonProcessingException {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        if (json != null && !json.isBlank()) {
            JsonNode root = DockerMapper.MAPPER.readTree(json);
            root.fields().forEachRemaining(e -> filters.put(e.getKey(), values(e.getValue())));
        }
        for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
            validate(filter.getKey(), filter.getValue());
        }
        return new ContainerFilters(filters);
    }

    static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getValue().asBoolean()) {
                    values.add(e.getKey());
                }
            });
        } else if (!node.isNull()) {
            values.add(node.asText());
        }
        return values;
    }

    private static void validate(String key, List<String> values) {
        switch (key) {
            case "label", "id", "name" -> { }
            case "status" -> values.forEach(v -> {
                try {
                    ContainerStatus.valueOf(v.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new InvalidSpecException("invalid filter 'status=" + v + "'");
                }
            });
            case "exited" -> values.forEach(v -> {
                try {
                    Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw new InvalidSpecException("invalid filter 'exited=" + v + "'");
                }
            });
            default -> throw new InvalidSpecException("invalid filter '" + key + "'");
        }
    }

    /** A status filter lists stopped containers without {@code all}, as Docker does. */
    boolean selectsStatus() {
        return filters.containsKey("status") || filters.containsKey("exited");
    }

    @Override
    public boolean test(ContainerDetails c) {
        for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
            List<String> values = filter.getValue();
            boolean match = switch (filter.getKey()) {
                case "label" -> values.stream().allMatch(v -> hasLabel(c, v));
                case "id" -> values.isEmpty() || values.stream().anyMatch(v -> matches(v, c.id().value()));
                case "name" -> values.isEmpty() || values.stream().anyMatch(v -> matches(v, "/" + c.name()));
                case "status" -> values.isEmpty() || values.contains(c.state().status().apiName());
                case "exited" -> values.isEmpty() || (c.state().status() == ContainerStatus.EXITED
                        && values.contains(Integer.toString(c.state().exitCode())));
                default -> false;
            };
            if (!match) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLabel(ContainerDetails c, String filter) {
        int eq = filter.indexOf('=');
        Map<String, String> labels = c.config().labels();
        return eq < 0 ? labels.containsKey(filter) : filter.substring(eq + 1).equals(labels.get(filter.substring(0, eq)));
    }

    /** Docker matches id and name filters as unanchored regular expressions. */
    private static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).find();
        } catch (PatternSyntaxException e) {
            return value.contains(pattern);
        }
    }
}

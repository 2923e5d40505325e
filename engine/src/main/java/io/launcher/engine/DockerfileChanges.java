package io.launcher.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import io.launcher.api.ImageConfig;
import io.launcher.api.InvalidSpecException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies Dockerfile-style changes ({@code import -c}, {@code commit -c}) to an image config:
 * CMD, ENTRYPOINT (JSON or shell form), ENV, WORKDIR, USER, EXPOSE, LABEL.
 */
final class DockerfileChanges {
    private DockerfileChanges() {
    }

    static ImageConfig apply(ImageConfig base, List<String> changes) {
        ImageConfig config = base;
        for (String change : changes) {
            config = applyOne(config, change.strip());
        }
        return config;
    }

    private static ImageConfig applyOne(ImageConfig c, String change) {
        int space = change.indexOf(' ');
        if (space < 0) {
            throw new InvalidSpecException("dockerfile parse error: " + change + " requires an argument");
        }
        String instruction = change.substring(0, space).toUpperCase(Locale.ROOT);
        String argument = change.substring(space + 1).strip();
        return switch (instruction) {
            case "CMD" -> new ImageConfig(c.env(), command(argument), c.entrypoint(), c.workingDir(), c.user(), c.exposedPorts(), c.labels());
            case "ENTRYPOINT" -> new ImageConfig(c.env(), c.cmd(), command(argument), c.workingDir(), c.user(), c.exposedPorts(), c.labels());
            case "ENV" -> new ImageConfig(withEnv(c.env(), argument), c.cmd(), c.entrypoint(), c.workingDir(), c.user(), c.exposedPorts(), c.labels());
            case "WORKDIR" -> new ImageConfig(c.env(), c.cmd(), c.entrypoint(), argument, c.user(), c.exposedPorts(), c.labels());
            case "USER" -> new ImageConfig(c.env(), c.cmd(), c.entrypoint(), c.workingDir(), argument, c.exposedPorts(), c.labels());
            case "EXPOSE" -> new ImageConfig(c.env(), c.cmd(), c.entrypoint(), c.workingDir(), c.user(), withPorts(c.exposedPorts(), argument), c.labels());
            case "LABEL" -> new ImageConfig(c.env(), c.cmd(), c.entrypoint(), c.workingDir(), c.user(), c.exposedPorts(), withLabels(c.labels(), argument));
            default -> throw new InvalidSpecException(instruction + " is not a valid change command");
        };
    }

    private static List<String> command(String argument) {
        if (argument.startsWith("[")) {
            try {
                return StoreJson.MAPPER.readValue(argument, new TypeReference<List<String>>() { });
            } catch (IOException e) {
                throw new InvalidSpecException("dockerfile parse error: invalid JSON array " + argument);
            }
        }
        return List.of("/bin/sh", "-c", argument);
    }

    private static List<String> withEnv(List<String> env, String argument) {
        Map<String, String> values = new LinkedHashMap<>();
        env.forEach(e -> values.put(e.substring(0, Math.max(0, e.indexOf('='))), e));
        if (argument.contains("=")) {
            for (String pair : argument.split("\\s+")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new InvalidSpecException("dockerfile parse error: ENV names can not be blank in " + argument);
                }
                values.put(pair.substring(0, eq), pair);
            }
        } else {
            String[] parts = argument.split("\\s+", 2);
            values.put(parts[0], parts[0] + "=" + (parts.length > 1 ? parts[1] : ""));
        }
        return new ArrayList<>(values.values());
    }

    private static List<String> withPorts(List<String> ports, String argument) {
        List<String> result = new ArrayList<>(ports);
        for (String port : argument.split("\\s+")) {
            String normalised = port.contains("/") ? port : port + "/tcp";
            if (!normalised.matches("[0-9]{1,5}/(tcp|udp|sctp)")) {
                throw new InvalidSpecException("invalid containerPort: " + port);
            }
            if (!result.contains(normalised)) {
                result.add(normalised);
            }
        }
        return result;
    }

    private static Map<String, String> withLabels(Map<String, String> labels, String argument) {
        Map<String, String> result = new LinkedHashMap<>(labels);
        for (String pair : argument.split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InvalidSpecException("dockerfile parse error: LABEL requires key=value, got " + pair);
            }
            result.put(pair.substring(0, eq), unquote(pair.substring(eq + 1)));
        }
        return result;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}

package io.launcher.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.launcher.api.InvalidSpecException;
import io.launcher.daemon.JsonTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --security-opt} as the docker CLI sends it: {@code seccomp=PATH} becomes
 * {@code seccomp=<the file's JSON, compacted>}, since the engine may run elsewhere and reads no
 * client file; {@code seccomp=unconfined}, {@code seccomp=builtin} (and {@code default}) and the
 * other options go as given. The engine checks the profile itself. Every {@code run} passes here:
 * the JSON goes through jackson-core's streaming codec, not an ObjectMapper (see {@link JsonTrees}).
 */
final class SecurityOpts {
    private SecurityOpts() {
    }

    static List<String> resolve(List<String> options) {
        List<String> result = new ArrayList<>(options.size());
        for (String option : options) {
            result.add(resolveOne(option));
        }
        return result;
    }

    private static String resolveOne(String option) {
        if (!option.startsWith("seccomp=") && !option.startsWith("seccomp:")) {
            return option;
        }
        String value = option.substring("seccomp=".length());
        if (value.isEmpty() || value.equals("unconfined") || value.equals("builtin") || value.equals("default")
                || value.startsWith("{")) {
            return option;
        }
        String content;
        try {
            content = Files.readString(Path.of(value), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new InvalidSpecException("opening seccomp profile (" + value + ") failed: " + reason(e));
        }
        try {
            return "seccomp=" + JsonTrees.text(JsonTrees.read(content));
        } catch (IOException e) {
            String problem = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new InvalidSpecException("compacting json for seccomp profile (" + value + ") failed: " + problem);
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "open " + e.getMessage() + ": no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "open " + e.getMessage() + ": permission denied";
        }
        return e.getMessage();
    }
}

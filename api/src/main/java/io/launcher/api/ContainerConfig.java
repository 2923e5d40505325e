package io.launcher.api;

import java.util.List;
import java.util.Map;

/**
 * What runs in a container, as Docker's {@code Config}: portable between hosts. Lists are never
 * null; an empty {@code cmd} or {@code entrypoint} means "take the image's". Exposed ports are
 * Docker's keys ({@code 80/tcp}).
 */
public record ContainerConfig(
        String image,
        List<String> cmd,
        List<String> entrypoint,
        List<String> env,
        String workingDir,
        String user,
        String hostname,
        boolean tty,
        boolean openStdin,
        boolean stdinOnce,
        Map<String, String> labels,
        List<String> exposedPorts) {

    public ContainerConfig {
        if (image == null || image.isBlank()) {
            throw new InvalidSpecException("invalid container config: no image given");
        }
        cmd = List.copyOf(cmd);
        entrypoint = List.copyOf(entrypoint);
        env = List.copyOf(env);
        workingDir = workingDir == null ? "" : workingDir;
        user = user == null ? "" : user;
        hostname = hostname == null ? "" : hostname;
        labels = Map.copyOf(labels);
        // Records stored before ports existed read back with null here.
        exposedPorts = exposedPorts == null ? List.of() : List.copyOf(exposedPorts);
    }

    /** A config that exposes no port: the form callers written before ports use. */
    public ContainerConfig(String image, List<String> cmd, List<String> entrypoint, List<String> env, String workingDir,
                           String user, String hostname, boolean tty, boolean openStdin, boolean stdinOnce,
                           Map<String, String> labels) {
        this(image, cmd, entrypoint, env, workingDir, user, hostname, tty, openStdin, stdinOnce, labels, List.of());
    }

    public static ContainerConfig of(String image, List<String> cmd) {
        return new ContainerConfig(image, cmd, List.of(), List.of(), "", "", "", false, false, false, Map.of(), List.of());
    }
}

package io.launcher.api;

import java.util.List;
import java.util.Map;

/** The runtime defaults an image gives its containers: the OCI image config's {@code config}. */
public record ImageConfig(
        List<String> env,
        List<String> cmd,
        List<String> entrypoint,
        String workingDir,
        String user,
        List<String> exposedPorts,
        Map<String, String> labels) {

    public static final ImageConfig EMPTY = new ImageConfig(List.of(), List.of(), List.of(), "", "", List.of(), Map.of());

    public ImageConfig {
        env = List.copyOf(env);
        cmd = List.copyOf(cmd);
        entrypoint = List.copyOf(entrypoint);
        workingDir = workingDir == null ? "" : workingDir;
        user = user == null ? "" : user;
        exposedPorts = List.copyOf(exposedPorts);
        labels = Map.copyOf(labels);
    }
}

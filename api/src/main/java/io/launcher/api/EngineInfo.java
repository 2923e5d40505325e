package io.launcher.api;

import java.util.List;

/** What {@code info} reports of the engine: counts, backends, host facts, paths. */
public record EngineInfo(
        int containers,
        int running,
        int paused,
        int stopped,
        int images,
        String isolationBackend,
        String storageDriver,
        String networkDriver,
        List<PluginReport> plugins,
        String rootDir,
        String kernelVersion,
        String operatingSystem,
        String architecture,
        int cpus,
        long memTotal,
        String hostname,
        String cgroupVersion) {

    public EngineInfo {
        plugins = List.copyOf(plugins);
    }
}

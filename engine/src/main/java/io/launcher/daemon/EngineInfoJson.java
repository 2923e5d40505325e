package io.launcher.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.launcher.api.EngineInfo;
import io.launcher.api.PluginReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /info} in Docker's field names. Docker's own {@code Plugins} keeps its shape (the
 * docker CLI decodes it as lists of names); Launcher's backend reports go in {@code Launcher}.
 */
public final class EngineInfoJson {
    private EngineInfoJson() {
    }

    public static ObjectNode write(EngineInfo info) {
        ObjectNode node = DockerJson.object();
        node.put("ID", UUID.nameUUIDFromBytes(info.rootDir().getBytes(StandardCharsets.UTF_8)).toString());
        node.put("Containers", info.containers());
        node.put("ContainersRunning", info.running());
        node.put("ContainersPaused", info.paused());
        node.put("ContainersStopped", info.stopped());
        node.put("Images", info.images());
        node.put("Driver", info.storageDriver());
        node.putArray("DriverStatus");
        node.put("DockerRootDir", info.rootDir());
        node.put("KernelVersion", info.kernelVersion());
        node.put("OperatingSystem", info.operatingSystem());
        node.put("OSType", "linux");
        node.put("Architecture", info.architecture());
        node.put("NCPU", info.cpus());
        node.put("MemTotal", info.memTotal());
        node.put("Name", info.hostname());
        node.put("ServerVersion", ApiVersions.ENGINE_VERSION);
        node.put("CgroupDriver", "cgroupfs");
        node.put("CgroupVersion", info.cgroupVersion());
        node.put("LoggingDriver", "json-file");
        node.put("DefaultRuntime", info.isolationBackend());
        node.put("Runtimes", runtimes(info));
        node.put("ExperimentalBuild", false);
        node.put("SecurityOptions", DockerJson.array(List.of()));
        node.put("Plugins", dockerPlugins(info));
        // The docker CLI prints Swarm's fields unless the node says it is not part of one.
        node.putObject("Swarm").put("NodeID", "").put("NodeAddr", "").put("LocalNodeState", "inactive")
                .put("ControlAvailable", false).put("Error", "").putNull("RemoteManagers");
        node.put("Launcher", launcher(info));
        return node;
    }

    private static ObjectNode runtimes(EngineInfo info) {
        ObjectNode runtimes = DockerJson.object();
        for (PluginReport report : info.plugins()) {
            if (report.kind().equals("isolation") && report.available()) {
                runtimes.putObject(report.name()).put("path", report.name());
            }
        }
        if (!runtimes.has(info.isolationBackend())) {
            runtimes.putObject(info.isolationBackend()).put("path", info.isolationBackend());
        }
        return runtimes;
    }

    private static ObjectNode dockerPlugins(EngineInfo info) {
        ObjectNode plugins = DockerJson.object();
        plugins.putArray("Volume").add("local");
        plugins.put("Network", DockerJson.array(List.of("bridge", "host", "none")));
        plugins.putNull("Authorization");
        plugins.putArray("Log").add("json-file");
        return plugins;
    }

    private static ObjectNode launcher(EngineInfo info) {
        ObjectNode launcher = DockerJson.object();
        launcher.put("IsolationBackend", info.isolationBackend());
        launcher.put("StorageDriver", info.storageDriver());
        launcher.put("NetworkDriver", info.networkDriver());
        ArrayNode plugins = launcher.putArray("Plugins");
        for (PluginReport report : info.plugins()) {
            plugins.addObject()
                    .put("Kind", report.kind())
                    .put("Name", report.name())
                    .put("Available", report.available())
                    .put("Reason", report.reason())
                    .put("Selected", report.selected());
        }
        return launcher;
    }

    public static EngineInfo read(JsonNode node) {
        JsonNode launcher = DockerJson.field(node, "Launcher");
        List<PluginReport> plugins = new ArrayList<>();
        JsonNode reports = DockerJson.field(launcher, "Plugins");
        if (reports != null) {
            for (JsonNode r : reports) {
                plugins.add(new PluginReport(DockerJson.text(r, "Kind"), DockerJson.text(r, "Name"),
                        DockerJson.bool(r, "Available"), DockerJson.text(r, "Reason"), DockerJson.bool(r, "Selected")));
            }
        }
        return new EngineInfo(
                (int) DockerJson.number(node, "Containers"),
                (int) DockerJson.number(node, "ContainersRunning"),
                (int) DockerJson.number(node, "ContainersPaused"),
                (int) DockerJson.number(node, "ContainersStopped"),
                (int) DockerJson.number(node, "Images"),
                DockerJson.text(node, "DefaultRuntime"),
                DockerJson.text(node, "Driver"),
                DockerJson.text(launcher, "NetworkDriver"),
                plugins,
                DockerJson.text(node, "DockerRootDir"),
                DockerJson.text(node, "KernelVersion"),
                DockerJson.text(node, "OperatingSystem"),
                DockerJson.text(node, "Architecture"),
                (int) DockerJson.number(node, "NCPU"),
                DockerJson.number(node, "MemTotal"),
                DockerJson.text(node, "Name"),
                DockerJson.text(node, "CgroupVersion"));
    }
}

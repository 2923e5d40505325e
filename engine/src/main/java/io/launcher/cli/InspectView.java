package io.launcher.cli;

import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerDetails;
import io.launcher.api.ContainerState;
import io.launcher.api.ContainerStatus;
import io.launcher.api.Digest;
import io.launcher.api.DeviceMapping;
import io.launcher.api.HostConfig;
import io.launcher.api.ImageConfig;
import io.launcher.api.ImageDetails;
import io.launcher.api.NetworkSettings;
import io.launcher.api.PortBinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code inspect} prints: the engine's records under Docker's field names, in Docker's order. */
final class InspectView {
    private InspectView() {
    }

    static Map<String, Object> container(ContainerDetails container) {
        ContainerConfig config = container.config();
        List<String> command = new ArrayList<>(config.entrypoint());
        command.addAll(config.cmd());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("Id", container.id().value());
        view.put("Created", container.created().toString());
        view.put("Path", command.isEmpty() ? "" : command.get(0));
        view.put("Args", command.isEmpty() ? List.of() : command.subList(1, command.size()));
        view.put("State", state(container.state()));
        view.put("Image", container.image().toString());
        view.put("LogPath", container.logPath());
        view.put("Name", "/" + ContainerRow.name(container));
        view.put("RestartCount", 0);
        view.put("Driver", "");
        view.put("HostConfig", hostConfig(container.hostConfig()));
        view.put("Mounts", List.of());
        view.put("Config", config(config));
        view.put("NetworkSettings", network(container.network()));
        return view;
    }

    private static Map<String, Object> state(ContainerState state) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("Status", state.status().apiName());
        view.put("Running", state.running());
        view.put("Paused", state.status() == ContainerStatus.PAUSED);
        view.put("Restarting", state.status() == ContainerStatus.RESTARTING);
        view.put("OOMKilled", state.oomKilled());
        view.put("Dead", state.status() == ContainerStatus.DEAD);
        view.put("Pid", state.pid());
        view.put("ExitCode", state.exitCode());
        view.put("Error", state.error() == null ? "" : state.error());
        view.put("StartedAt", state.startedAt().toString());
        view.put("FinishedAt", state.finishedAt().toString());
        return view;
    }

    private static Map<String, Object> device(DeviceMapping device) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("PathOnHost", device.pathOnHost());
        view.put("PathInContainer", device.pathInContainer());
        view.put("CgroupPermissions", device.cgroupPermissions());
        return view;
    }

    private static Map<String, Object> hostConfig(HostConfig host) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("Binds", host.binds());
        view.put("NetworkMode", host.networkMode().apiName());
        view.put("AutoRemove", host.autoRemove());
        view.put("CapAdd", host.capAdd());
        view.put("CapDrop", host.capDrop());
        view.put("Privileged", host.privileged());
        view.put("Devices", host.devices().stream().map(InspectView::device).toList());
        // Docker shows null, not [], for a container created without rules
        view.put("DeviceCgroupRules", host.deviceCgroupRules().isEmpty() ? null : host.deviceCgroupRules());
        // Docker shows null, not [], for a container created without security options
        view.put("SecurityOpt", host.securityOpt().isEmpty() ? null : host.securityOpt());
        if (!host.storageOpt().options().isEmpty()) {
            // Docker omits an empty StorageOpt (omitempty)
            view.put("StorageOpt", host.storageOpt().options());
        }
        view.put("ReadonlyRootfs", host.readonlyRootfs());
        view.put("PortBindings", bindings(host.portBindings()));
        view.put("PublishAllPorts", host.publishAllPorts());
        view.put("CpuShares", host.resources().cpuShares());
        view.put("Memory", host.resources().memoryBytes());
        view.put("NanoCpus", host.resources().nanoCpus());
        view.put("PidsLimit", host.resources().pidsLimit());
        view.put("LogConfig", Map.of("Type", host.logConfig().type(), "Config", host.logConfig().options()));
        return view;
    }

    private static Map<String, Object> config(ContainerConfig config) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("Hostname", config.hostname());
        view.put("User", config.user());
        view.put("AttachStdin", config.stdinOnce());
        view.put("AttachStdout", true);
        view.put("AttachStderr", true);
        view.put("Tty", config.tty());
        view.put("OpenStdin", config.openStdin());
        view.put("StdinOnce", config.stdinOnce());
        view.put("Env", config.env());
        view.put("Cmd", config.cmd());
        view.put("Image", config.image());
        view.put("WorkingDir", config.workingDir());
        view.put("Entrypoint", config.entrypoint().isEmpty() ? null : config.entrypoint());
        view.put("Labels", config.labels());
        Map<String, Object> exposed = new LinkedHashMap<>();
        config.exposedPorts().forEach(port -> exposed.put(port, Map.of()));
        view.put("ExposedPorts", exposed);
        return view;
    }

    private static Map<String, Object> network(NetworkSettings network) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("Gateway", network.gateway());
        endpoint.put("IPAddress", network.ipAddress());
        endpoint.put("IPPrefixLen", network.prefixLength());
        endpoint.put("MacAddress", network.macAddress());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("Gateway", network.gateway());
        view.put("IPAddress", network.ipAddress());
        view.put("IPPrefixLen", network.prefixLength());
        view.put("MacAddress", network.macAddress());
        view.put("Ports", bindings(network.ports()));
        view.put("Networks", Map.of(network.networkName(), endpoint));
        return view;
    }

    /** Docker's {@code {"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8080"}]}}. */
    private static Map<String, List<Map<String, Object>>> bindings(List<PortBinding> ports) {
        Map<String, List<Map<String, Object>>> view = new LinkedHashMap<>();
        for (PortBinding port : ports) {
            Map<String, Object> host = new LinkedHashMap<>();
            host.put("HostIp", port.hostIp());
            host.put("HostPort", port.hostPort() == 0 ? "" : Integer.toString(port.hostPort()));
            view.computeIfAbsent(port.portKey(), k -> new ArrayList<>()).add(host);
        }
        return view;
    }

    static Map<String, Object> image(ImageDetails image) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("Id", image.id().toString());
        view.put("RepoTags", image.repoTags());
        view.put("RepoDigests", List.of());
        view.put("Comment", image.comment());
        view.put("Created", image.created().toString());
        view.put("Author", image.author());
        view.put("Config", imageConfig(image.config()));
        view.put("Architecture", System.getProperty("os.arch"));
        view.put("Os", "linux");
        view.put("Size", image.size());
        List<String> layers = new ArrayList<>();
        for (Digest layer : image.diffIds()) {
            layers.add(layer.toString());
        }
        Map<String, Object> rootfs = new LinkedHashMap<>();
        rootfs.put("Type", "layers");
        rootfs.put("Layers", layers);
        view.put("RootFS", rootfs);
        return view;
    }

    private static Map<String, Object> imageConfig(ImageConfig config) {
        Map<String, Object> exposed = new LinkedHashMap<>();
        config.exposedPorts().forEach(port -> exposed.put(port, Map.of()));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("User", config.user());
        view.put("ExposedPorts", exposed);
        view.put("Env", config.env());
        view.put("Cmd", config.cmd());
        view.put("WorkingDir", config.workingDir());
        view.put("Entrypoint", config.entrypoint().isEmpty() ? null : config.entrypoint());
        view.put("Labels", config.labels());
        return view;
    }
}

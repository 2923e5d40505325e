package io.launcher.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerDetails;
import io.launcher.api.ContainerId;
import io.launcher.api.ContainerState;
import io.launcher.api.ContainerStatus;
import io.launcher.api.HostConfig;
import io.launcher.api.ImageId;
import io.launcher.api.NetworkSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code GET /containers/{id}/json} in Docker's field names, and read back by the client. */
public final class ContainerJson {
    private ContainerJson() {
    }

    public static ObjectNode inspect(ContainerDetails c, String storageDriver) {
        ObjectNode node = DockerJson.object();
        List<String> command = command(c.config());
        node.put("Id", c.id().value());
        node.put("Created", DockerTime.format(c.created()));
        node.put("Path", command.isEmpty() ? "" : command.get(0));
        node.put("Args", DockerJson.array(command.isEmpty() ? List.of() : command.subList(1, command.size())));
        node.set("State", state(c.state()));
        node.put("Image", c.image().toString());
        node.put("ResolvConfPath", "");
        node.put("HostnamePath", "");
        node.put("HostsPath", "");
        node.put("LogPath", c.logPath());
        node.put("Name", "/" + c.name());
        node.put("RestartCount", 0);
        node.put("Driver", storageDriver);
        node.put("Platform", "linux");
        node.put("MountLabel", "");
        node.put("ProcessLabel", "");
        node.put("AppArmorProfile", "");
        node.putNull("ExecIDs");
        node.set("HostConfig", hostConfig(c.hostConfig()));
        node.putObject("GraphDriver").put("Name", storageDriver).putNull("Data");
        node.set("Mounts", mounts(c.hostConfig()));
        node.set("Config", config(c.config()));
        node.set("NetworkSettings", networkSettings(network(c), c.config().exposedPorts()));
        return node;
    }

    /** The command Docker shows: entrypoint then cmd. */
    static List<String> command(ContainerConfig config) {
        List<String> command = new ArrayList<>(config.entrypoint());
        command.addAll(config.cmd());
        return command;
    }

    static NetworkSettings network(ContainerDetails c) {
        return c.network() != null ? c.network() : NetworkSettings.none(c.hostConfig().networkMode());
    }

    static ObjectNode state(ContainerState s) {
        ObjectNode node = DockerJson.object();
        node.put("Status", s.status().apiName());
        node.put("Running", s.running());
        node.put("Paused", s.status() == ContainerStatus.PAUSED);
        node.put("Restarting", s.status() == ContainerStatus.RESTARTING);
        node.put("OOMKilled", s.oomKilled());
        node.put("Dead", s.status() == ContainerStatus.DEAD);
        node.put("Pid", s.pid());
        node.put("ExitCode", s.exitCode());
        node.put("Error", s.error() == null ? "" : s.error());
        node.put("StartedAt", DockerTime.format(s.startedAt()));
        node.put("FinishedAt", DockerTime.format(s.finishedAt()));
        return node;
    }

    static ObjectNode config(ContainerConfig config) {
        ObjectNode node = DockerJson.object();
        node.put("Hostname", config.hostname());
        node.put("Domainname", "");
        node.put("User", config.user());
        node.put("AttachStdin", config.openStdin());
        node.put("AttachStdout", true);
        node.put("AttachStderr", true);
        node.put("Tty", config.tty());
        node.put("OpenStdin", config.openStdin());
        node.put("StdinOnce", config.stdinOnce());
        node.put("Env", DockerJson.array(config.env()));
        node.put("Cmd", DockerJson.array(config.cmd()));
        node.put("Image", config.image());
        node.putNull("Volumes");
        node.put("WorkingDir", config.workingDir());
        node.put("Entrypoint", DockerJson.arrayOrNull(config.entrypoint()));
        node.putNull("OnBuild");
        node.put("Labels", DockerJson.map(config.labels()));
        if (!config.exposedPorts().isEmpty()) {
            node.set("ExposedPorts", PortJson.writeExposed(config.exposedPorts()));
        }
        return node;
    }

    static ObjectNode hostConfig(HostConfig host) {
        ObjectNode node = DockerJson.object();
        node.put("Binds", DockerJson.arrayOrNull(host.binds()));
        ObjectNode log = node.putObject("LogConfig").put("Type", host.logConfig().type());
        host.logConfig().options().forEach(log.putObject("Config")::put);
        node.put("NetworkMode", host.networkMode().apiName());
        node.set("PortBindings", PortJson.writeBindings(host.portBindings(), List.of()));
        node.put("PublishAllPorts", host.publishAllPorts());
        node.putObject("RestartPolicy").put("Name", "no").put("MaximumRetryCount", 0);
        node.put("AutoRemove", host.autoRemove());
        node.put("CapAdd", DockerJson.arrayOrNull(host.capAdd()));
        node.put("CapDrop", DockerJson.arrayOrNull(host.capDrop()));
        node.put("Privileged", host.privileged());
        node.set("Devices", DeviceJson.write(host.devices()));
        node.set("DeviceCgroupRules", DockerJson.arrayOrNull(host.deviceCgroupRules()));
        node.put("SecurityOpt", DockerJson.arrayOrNull(host.securityOpt()));
        if (!host.storageOpt().options().isEmpty()) {
            // Docker omits an empty StorageOpt (omitempty)
            node.set("StorageOpt", DockerJson.map(host.storageOpt().options()));
        }
        node.put("ReadonlyRootfs", host.readonlyRootfs());
        node.put("Memory", host.resources().memoryBytes());
        node.put("CpuShares", host.resources().cpuShares());
        node.put("NanoCpus", host.resources().nanoCpus());
        if (host.resources().pidsLimit() > 0) {
            node.put("PidsLimit", host.resources().pidsLimit());
        } else {
            node.putNull("PidsLimit");
        }
        return node;
    }

    /** Bind specs {@code host:container[:ro]} as Docker lists mounts. */
    static ArrayNode mounts(HostConfig host) {
        ArrayNode mounts = JsonNodeFactory.instance.arrayNode();
        for (String bind : host.binds()) {
            String[] parts = bind.split(":");
            if (parts.length < 2) {
                continue;
            }
            boolean readOnly = parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
            mounts.addObject()
                    .put("Type", "bind")
                    .put("Source", parts[0])
                    .put("Destination", parts[1])
                    .put("Mode", parts.length > 2 ? parts[2] : "")
                    .put("RW", !readOnly)
                    .put("Propagation", "rprivate");
        }
        return mounts;
    }

    /** Docker lists the exposed ports under {@code Ports} too, null where nothing is published. */
    static ObjectNode networkSettings(NetworkSettings net, List<String> exposed) {
        ObjectNode node = DockerJson.object();
        node.put("Bridge", "");
        node.put("SandboxID", "");
        node.set("Ports", PortJson.writeBindings(net.ports(), net.ipAddress().isEmpty() ? List.of() : exposed));
        node.put("SandboxKey", "");
        node.put("Gateway", net.gateway());
        node.put("IPAddress", net.ipAddress());
        node.put("IPPrefixLen", net.prefixLength());
        node.put("MacAddress", net.macAddress());
        node.putObject("Networks").set(net.networkName(), endpoint(net));
        return node;
    }

    static ObjectNode endpoint(NetworkSettings net) {
        ObjectNode node = DockerJson.object();
        node.putNull("IPAMConfig");
        node.putNull("Links");
        node.putNull("Aliases");
        node.put("MacAddress", net.macAddress());
        node.put("NetworkID", net.networkName());
        node.put("EndpointID", "");
        node.put("Gateway", net.gateway());
        node.put("IPAddress", net.ipAddress());
        node.put("IPPrefixLen", net.prefixLength());
        node.put("IPv6Gateway", "");
        node.put("GlobalIPv6Address", "");
        node.put("GlobalIPv6PrefixLen", 0);
        return node;
    }

    public static ContainerDetails read(JsonNode node) {
        JsonNode config = DockerJson.field(node, "Config");
        ContainerConfig containerConfig = new ContainerConfig(
                DockerJson.text(config, "Image"),
                DockerJson.strings(config, "Cmd"),
                DockerJson.strings(config, "Entrypoint"),
                DockerJson.strings(config, "Env"),
                DockerJson.text(config, "WorkingDir"),
                DockerJson.text(config, "User"),
                DockerJson.text(config, "Hostname"),
                DockerJson.bool(config, "Tty"),
                DockerJson.bool(config, "OpenStdin"),
                DockerJson.bool(config, "StdinOnce"),
                DockerJson.stringMap(config, "Labels"),
                PortJson.readExposed(DockerJson.field(config, "ExposedPorts")));
        String name = DockerJson.text(node, "Name");
        return new ContainerDetails(
                new ContainerId(DockerJson.text(node, "Id")),
                name.startsWith("/") ? name.substring(1) : name,
                DockerTime.parse(DockerJson.text(node, "Created")),
                ImageId.parse(DockerJson.text(node, "Image")),
                containerConfig,
                CreateBody.readHostConfig(DockerJson.field(node, "HostConfig")),
                readState(DockerJson.field(node, "State")),
                DockerJson.text(node, "LogPath"),
                readNetwork(DockerJson.field(node, "NetworkSettings")));
    }

    private static ContainerState readState(JsonNode s) {
        return new ContainerState(
                ContainerStatus.valueOf(DockerJson.text(s, "Status").toUpperCase(Locale.ROOT)),
                (int) DockerJson.number(s, "Pid"),
                (int) DockerJson.number(s, "ExitCode"),
                DockerJson.bool(s, "OOMKilled"),
                DockerJson.text(s, "Error"),
                DockerTime.parse(DockerJson.text(s, "StartedAt")),
                DockerTime.parse(DockerJson.text(s, "FinishedAt")));
    }

    private static NetworkSettings readNetwork(JsonNode net) {
        JsonNode networks = DockerJson.field(net, "Networks");
        String name = networks != null && networks.fieldNames().hasNext() ? networks.fieldNames().next() : "none";
        return new NetworkSettings(name, DockerJson.text(net, "IPAddress"), (int) DockerJson.number(net, "IPPrefixLen"),
                DockerJson.text(net, "Gateway"), DockerJson.text(net, "MacAddress"),
                PortJson.readBindings(DockerJson.field(net, "Ports")));
    }
}

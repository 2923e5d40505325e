package io.launcher.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.ContainerConfig;
import io.launcher.api.HostConfig;
import io.launcher.api.LogConfig;
import io.launcher.api.NetworkMode;
import io.launcher.api.ResourceLimits;
import io.launcher.api.StorageOpt;

/**
 * The body of {@code POST /containers/create}, read as Docker reads it: explicit nulls and keys
 * this engine does not know are ignored. The remote client writes it with a streaming generator
 * ({@code io.launcher.client.CreateRequest}), off databind.
 */
public record CreateBody(ContainerConfig config, HostConfig hostConfig) {

    public static CreateBody read(JsonNode node) {
        ContainerConfig config = new ContainerConfig(
                DockerJson.text(node, "Image"),
                DockerJson.strings(node, "Cmd"),
                DockerJson.strings(node, "Entrypoint"),
                DockerJson.strings(node, "Env"),
                DockerJson.text(node, "WorkingDir"),
                DockerJson.text(node, "User"),
                DockerJson.text(node, "Hostname"),
                DockerJson.bool(node, "Tty"),
                DockerJson.bool(node, "OpenStdin"),
                DockerJson.bool(node, "StdinOnce"),
                DockerJson.stringMap(node, "Labels"),
                PortJson.readExposed(DockerJson.field(node, "ExposedPorts")));
        return new CreateBody(config, readHostConfig(DockerJson.field(node, "HostConfig")));
    }

    static HostConfig readHostConfig(JsonNode host) {
        // Docker takes -1 (and 0) as "no pids limit".
        long pids = Math.max(0, DockerJson.number(host, "PidsLimit"));
        ResourceLimits limits = new ResourceLimits(
                DockerJson.number(host, "Memory"),
                DockerJson.number(host, "CpuShares"),
                DockerJson.number(host, "NanoCpus"),
                pids);
        return new HostConfig(
                DockerJson.bool(host, "AutoRemove"),
                NetworkMode.parse(DockerJson.text(host, "NetworkMode")),
                limits,
                DockerJson.strings(host, "Binds"),
                DockerJson.bool(host, "ReadonlyRootfs"),
                DockerJson.strings(host, "CapAdd"),
                DockerJson.strings(host, "CapDrop"),
                PortJson.readBindings(DockerJson.field(host, "PortBindings")),
                DockerJson.bool(host, "PublishAllPorts"),
                DockerJson.strings(host, "SecurityOpt"),
                logConfig(DockerJson.field(host, "LogConfig")),
                DockerJson.bool(host, "Privileged"),
                DeviceJson.read(DockerJson.field(host, "Devices")),
                DockerJson.strings(host, "DeviceCgroupRules"),
                StorageOpt.parse(DockerJson.stringMap(host, "StorageOpt")));
    }

    /** Docker's {@code LogConfig {Type, Config}}; absent, or with an empty type, it is json-file with the defaults. */
    private static LogConfig logConfig(JsonNode log) {
        return LogConfig.parse(DockerJson.text(log, "Type"), DockerJson.stringMap(log, "Config"));
    }
}

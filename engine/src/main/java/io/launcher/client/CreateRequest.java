package io.launcher.client;

import com.fasterxml.jackson.core.JsonGenerator;
import io.launcher.api.ContainerConfig;
import io.launcher.api.DeviceMapping;
import io.launcher.api.HostConfig;
import io.launcher.api.PortBinding;
import io.launcher.api.ResourceLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of {@code POST /containers/create} as the client sends it, written field by field with
 * jackson-core's generator, without building a databind tree first (a test holds it to what the
 * daemon's {@code CreateBody.read} takes back, field for field). A {@code create} or {@code run} is one
 * of the shortest calls there is, and the tree's lambdas and node objects, all interpreted once,
 * cost several milliseconds of it.
 */
final class CreateRequest {
    private CreateRequest() {
    }

    static byte[] body(ContainerConfig config, HostConfig host) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (JsonGenerator out = ClientJson.generator(bytes)) {
            out.writeStartObject();
            writeConfig(out, config);
            out.writeFieldName("HostConfig");
            writeHostConfig(out, host);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("unable to write JSON: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static void writeConfig(JsonGenerator out, ContainerConfig config) throws IOException {
        text(out, "Hostname", config.hostname());
        out.writeStringField("Domainname", "");
        text(out, "User", config.user());
        out.writeBooleanField("AttachStdin", config.openStdin());
        out.writeBooleanField("AttachStdout", true);
        out.writeBooleanField("AttachStderr", true);
        out.writeBooleanField("Tty", config.tty());
        out.writeBooleanField("OpenStdin", config.openStdin());
        out.writeBooleanField("StdinOnce", config.stdinOnce());
        strings(out, "Env", config.env(), false);
        strings(out, "Cmd", config.cmd(), false);
        text(out, "Image", config.image());
        out.writeNullField("Volumes");
        text(out, "WorkingDir", config.workingDir());
        strings(out, "Entrypoint", config.entrypoint(), true);
        out.writeNullField("OnBuild");
        out.writeFieldName("Labels");
        map(out, new TreeMap<>(config.labels()));
        if (!config.exposedPorts().isEmpty()) {
            out.writeObjectFieldStart("ExposedPorts");
            for (String port : config.exposedPorts()) {
                out.writeObjectFieldStart(port);
                out.writeEndObject();
            }
            out.writeEndObject();
        }
    }

    private static void writeHostConfig(JsonGenerator out, HostConfig host) throws IOException {
        out.writeStartObject();
        strings(out, "Binds", host.binds(), true);
        out.writeObjectFieldStart("LogConfig");
        text(out, "Type", host.logConfig().type());
        out.writeFieldName("Config");
        map(out, host.logConfig().options());
        out.writeEndObject();
        text(out, "NetworkMode", host.networkMode().apiName());
        writePortBindings(out, host.portBindings());
        out.writeBooleanField("PublishAllPorts", host.publishAllPorts());
        out.writeObjectFieldStart("RestartPolicy");
        out.writeStringField("Name", "no");
        out.writeNumberField("MaximumRetryCount", 0);
        out.writeEndObject();
        out.writeBooleanField("AutoRemove", host.autoRemove());
        strings(out, "CapAdd", host.capAdd(), true);
        strings(out, "CapDrop", host.capDrop(), true);
        out.writeBooleanField("Privileged", host.privileged());
        writeDevices(out, host.devices());
        strings(out, "DeviceCgroupRules", host.deviceCgroupRules(), true);
        strings(out, "SecurityOpt", host.securityOpt(), true);
        if (!host.storageOpt().options().isEmpty()) {
            out.writeFieldName("StorageOpt");
            map(out, host.storageOpt().options());
        }
        out.writeBooleanField("ReadonlyRootfs", host.readonlyRootfs());
        ResourceLimits limits = host.resources();
        out.writeNumberField("Memory", limits.memoryBytes());
        out.writeNumberField("CpuShares", limits.cpuShares());
        out.writeNumberField("NanoCpus", limits.nanoCpus());
        if (limits.pidsLimit() > 0) {
            out.writeNumberField("PidsLimit", limits.pidsLimit());
        } else {
            out.writeNullField("PidsLimit");
        }
        out.writeEndObject();
    }

    /** Published ports grouped by their {@code port/protocol} key, in the order first seen. */
    private static void writePortBindings(JsonGenerator out, List<PortBinding> bindings) throws IOException {
        Map<String, List<PortBinding>> byKey = new LinkedHashMap<>();
        for (PortBinding binding : bindings) {
            byKey.computeIfAbsent(binding.portKey(), key -> new ArrayList<>()).add(binding);
        }
        out.writeObjectFieldStart("PortBindings");
        for (Map.Entry<String, List<PortBinding>> entry : byKey.entrySet()) {
            out.writeArrayFieldStart(entry.getKey());
            for (PortBinding binding : entry.getValue()) {
                out.writeStartObject();
                text(out, "HostIp", binding.hostIp());
                out.writeStringField("HostPort", binding.hostPort() == 0 ? "" : Integer.toString(binding.hostPort()));
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    private static void writeDevices(JsonGenerator out, List<DeviceMapping> devices) throws IOException {
        out.writeArrayFieldStart("Devices");
        for (DeviceMapping device : devices) {
            out.writeStartObject();
            text(out, "PathOnHost", device.pathOnHost());
            text(out, "PathInContainer", device.pathInContainer());
            text(out, "CgroupPermissions", device.cgroupPermissions());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    /** A string field; a null string is a JSON null, as a tree's {@code put} writes it. */
    private static void text(JsonGenerator out, String name, String value) throws IOException {
        out.writeFieldName(name);
        writeText(out, value);
    }

    private static void writeText(JsonGenerator out, String value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else {
            out.writeString(value);
        }
    }

    /** A list of strings; an empty one is null where Docker prints an unset slice as null. */
    private static void strings(JsonGenerator out, String name, List<String> values, boolean emptyIsNull)
            throws IOException {
        out.writeFieldName(name);
        if (values == null || values.isEmpty() && emptyIsNull) {
            out.writeNull();
            return;
        }
        out.writeStartArray();
        for (String value : values) {
            writeText(out, value);
        }
        out.writeEndArray();
    }

    private static void map(JsonGenerator out, Map<String, String> values) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            out.writeFieldName(entry.getKey());
            writeText(out, entry.getValue());
        }
        out.writeEndObject();
    }
}

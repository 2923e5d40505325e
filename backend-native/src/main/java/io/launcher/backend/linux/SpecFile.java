package io.launcher.backend.linux;

import io.launcher.api.InternalException;
import io.launcher.backend.linux.seccomp.Bpf;
import io.launcher.backend.linux.seccomp.DefaultSeccompProgram;
import io.launcher.backend.linux.seccomp.SeccompCompiler;
import io.launcher.spi.Mount;
import io.launcher.spi.isolation.BindMount;
import io.launcher.spi.isolation.DefaultDeviceRules;
import io.launcher.spi.isolation.DeviceNode;
import io.launcher.spi.isolation.DeviceRule;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.isolation.ProcessSpec;
import io.launcher.spi.isolation.SandboxSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the bundle's {@code spec}, the shim's only input. The format is defined in one place,
 * the table at the top of {@code src/main/c/spec.c}: one record a line, a key then fields each
 * preceded by a space; in a field '\' is "\\", bytes 0x01-0x20 and 0x7f are "\xHH", an empty
 * field is "\e". Keys: version id hostname log logrotate arg env cwd user group terminal stdin mount
 * mountopt bind network readonly memory cpushares nanocpus pids cap seccomp privileged nonewprivs device
 * devicerule.
 */
public final class SpecFile {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private SpecFile() {
    }

    /** The spec as the shim reads it. */
    public static byte[] render(SandboxSpec spec) {
        SpecFile file = new SpecFile();
        file.record("version", "1");
        file.record("id", spec.id().value());
        file.record("hostname", spec.hostname());
        file.record("log", spec.logFile().toAbsolutePath().toString());
        file.record("logrotate", Long.toString(Math.max(0, spec.log().maxSize())), Integer.toString(spec.log().maxFiles()));
        file.process(spec.process());
        for (Mount mount : spec.rootfs()) {
            file.record("mount", mount.type(), mount.source());
            mount.options().forEach(option -> file.record("mountopt", option));
        }
        for (BindMount bind : spec.binds()) {
            file.record("bind", bind.source().toAbsolutePath().toString(), bind.destination(),
                    bind.readOnly() ? "ro" : "rw");
        }
        file.network(spec.network());
        file.record("readonly", spec.readonlyRootfs() ? "1" : "0");
        file.record("memory", Long.toString(spec.resources().memoryBytes()));
        file.record("cpushares", Long.toString(spec.resources().cpuShares()));
        file.record("nanocpus", Long.toString(spec.resources().nanoCpus()));
        file.record("pids", Long.toString(spec.resources().pidsLimit()));
        new TreeSet<>(spec.capabilities()).forEach(name -> file.record("cap", name));
        file.seccomp(spec);
        file.privileges(spec.privileged(), spec.noNewPrivileges());
        file.devices(spec);
        return file.out.toByteArray();
    }

    /** An exec's spec: the process records alone (the exec relay, join.c, reads the rest from the bundle). */
    public static byte[] renderProcess(ProcessSpec process) {
        SpecFile file = new SpecFile();
        file.record("version", "1");
        file.process(process);
        file.privileges(process.privileged(), true);
        return file.out.toByteArray();
    }

    /**
     * Writes the spec into a bundle made a moment ago, without the temp name and rename: nothing
     * reads the bundle before the spawner is asked, and a bundle without its pids (a crash in
     * between) is no container to a restarted engine.
     */
    static void writeNew(SandboxSpec spec, Path target) {
        try (SeekableByteChannel channel = Files.newByteChannel(target,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            ByteBuffer buffer = ByteBuffer.wrap(render(spec));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new InternalException("unable to write spec " + target + ": " + e.getMessage(), e);
        }
    }

    private void process(ProcessSpec process) {
        process.args().forEach(arg -> record("arg", arg));
        process.env().forEach(env -> record("env", env));
        record("cwd", process.cwd());
        record("user", Integer.toString(process.uid()), Integer.toString(process.gid()));
        process.additionalGids().forEach(gid -> record("group", Integer.toString(gid)));
        record("terminal", process.terminal() ? "1" : "0");
        record("stdin", process.stdin() ? "1" : "0");
    }

    /** Written only when they differ from the shim's defaults (unprivileged, no_new_privs). */
    private void privileges(boolean privileged, boolean noNewPrivileges) {
        if (privileged) {
            record("privileged", "1");
        }
        if (!noNewPrivileges) {
            record("nonewprivs", "0");
        }
    }

    /**
     * The given nodes (mode in octal) and the devices cgroup allow rules: Docker's, stated in spi
     * and written here for every spec (the shim has no list of its own), then the spec's. A
     * privileged container may use every device: the shim allows it all, whatever follows.
     */
    private void devices(SandboxSpec spec) {
        for (DeviceNode node : spec.devices()) {
            record("device", node.path(), String.valueOf(node.type()), Long.toString(node.major()),
                    Long.toString(node.minor()), Integer.toOctalString(node.mode()), Integer.toString(node.uid()),
                    Integer.toString(node.gid()));
        }
        for (DeviceRule rule : spec.privileged() ? spec.deviceRules() : DefaultDeviceRules.with(spec.deviceRules())) {
            record("devicerule", String.valueOf(rule.type()), number(rule.major()), number(rule.minor()), rule.access());
        }
    }

    private static String number(long n) {
        return n == DeviceRule.ANY ? "*" : Long.toString(n);
    }

    /** Docker's default profile and a custom one travel compiled: the shim installs the program as given. */
    private void seccomp(SandboxSpec spec) {
        switch (spec.seccomp()) {
            case UNCONFINED -> record("seccomp", "unconfined");
            case CUSTOM -> record("seccomp", "program", Bpf.encode(SeccompCompiler.compile(spec.seccompFilter())));
            case DEFAULT -> record("seccomp", "program", DefaultSeccompProgram.encoded(spec.capabilities()));
        }
    }

    private void network(NetworkAttachment network) {
        if (network instanceof NetworkAttachment.Join join) {
            record("network", "join", join.namespace().toAbsolutePath().toString());
        } else if (network instanceof NetworkAttachment.Host) {
            record("network", "host");
        } else {
            record("network", "private");
        }
    }

    private void record(String key, String... fields) {
        out.writeBytes(key.getBytes(StandardCharsets.US_ASCII));
        for (String field : fields) {
            out.write(' ');
            out.writeBytes(escape(field));
        }
        out.write('\n');
    }

    /** The field escaping of spec.c; NUL cannot travel (C strings), so it is refused. */
    static byte[] escape(String field) {
        byte[] raw = field.getBytes(StandardCharsets.UTF_8);
        if (raw.length == 0) {
            return new byte[] {'\\', 'e'};
        }
        ByteArrayOutputStream escaped = new ByteArrayOutputStream(raw.length + 8);
        for (byte b : raw) {
            int c = b & 0xff;
            if (c == 0) {
                throw new io.launcher.api.InvalidSpecException("invalid spec: a value contains a NUL byte");
            } else if (c == '\\') {
                escaped.writeBytes(new byte[] {'\\', '\\'});
            } else if (c <= 0x20 || c == 0x7f) {
                escaped.writeBytes(String.format("\\x%02x", c).getBytes(StandardCharsets.US_ASCII));
            } else {
                escaped.write(c);
            }
        }
        return escaped.toByteArray();
    }
}

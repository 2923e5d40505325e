package io.launcher.engine;

import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerId;
import io.launcher.api.ExecConfig;
import io.launcher.api.HostConfig;
import io.launcher.api.ImageConfig;
import io.launcher.api.InvalidSpecException;
import io.launcher.spi.Mount;
import io.launcher.spi.isolation.BindMount;
import io.launcher.spi.isolation.Capabilities;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.isolation.ProcessSpec;
import io.launcher.spi.isolation.SandboxSpec;
import io.launcher.spi.isolation.SeccompProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The engine's policy for turning a container's config into what a backend runs: image defaults
 * merged as Docker merges them, environment defaults, user, binds.
 */
final class SandboxSpecs {
    static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private SandboxSpecs() {
    }

    /** Docker's merge: a given entrypoint drops the image's cmd; a given cmd replaces the image's. */
    static ContainerConfig withImageDefaults(ContainerConfig c, ImageConfig image) {
        List<String> entrypoint = c.entrypoint().isEmpty() ? image.entrypoint() : c.entrypoint();
        List<String> cmd = !c.cmd().isEmpty() ? c.cmd() : c.entrypoint().isEmpty() ? image.cmd() : List.of();
        if (entrypoint.isEmpty() && cmd.isEmpty()) {
            throw new InvalidSpecException("no command specified");
        }
        Map<String, String> env = new LinkedHashMap<>();
        image.env().forEach(e -> env.put(key(e), e));
        c.env().forEach(e -> env.put(key(e), e));
        Map<String, String> labels = new LinkedHashMap<>(image.labels());
        labels.putAll(c.labels());
        return new ContainerConfig(c.image(), cmd, entrypoint, new ArrayList<>(env.values()),
                c.workingDir().isEmpty() ? image.workingDir() : c.workingDir(),
                c.user().isEmpty() ? image.user() : c.user(), c.hostname(), c.tty(), c.openStdin(), c.stdinOnce(), labels,
                PublishedPorts.exposed(image.exposedPorts(), c.exposedPorts()));
    }

    static List<String> args(ContainerConfig c) {
        List<String> args = new ArrayList<>(c.entrypoint());
        args.addAll(c.cmd());
        return args;
    }

    /**
     * Docker's {@code --privileged} (moby's TweakCapabilities and WithSeccomp): every capability,
     * whatever {@code --cap-add} and {@code --cap-drop} say, and no seccomp filter, whatever
     * {@code --security-opt seccomp=} says (moby ignores a custom profile then); capability names
     * and the options, a custom profile's JSON included, are still checked.
     */
    static SandboxSpec build(ContainerId id, ContainerConfig c, HostConfig host, List<Mount> rootfs,
                             NetworkAttachment network, Path logFile, ContainerUsers.ExecUser user) {
        String hostname = hostname(id, c);
        List<String> env = environment(id, c, user);
        String cwd = c.workingDir().isEmpty() ? "/" : c.workingDir();
        ProcessSpec process = new ProcessSpec(args(c), env, cwd, user.uid(), user.gid(), user.additionalGids(),
                c.tty(), c.openStdin());
        Set<String> capabilities = capabilities(host.capAdd(), host.capDrop());
        SeccompProfile seccomp = SecurityOptions.seccomp(host.securityOpt());
        ContainerDevices.Resolved devices = ContainerDevices.resolve(host);
        if (host.privileged()) {
            return new SandboxSpec(id, rootfs, process, hostname, network, host.resources(), binds(host.binds()),
                    host.readonlyRootfs(), logFile, Set.copyOf(Capabilities.ALL), SeccompProfile.UNCONFINED,
                    host.logConfig(), null, true, SecurityOptions.asksNoNewPrivileges(host.securityOpt()),
                    devices.nodes(), devices.rules());
        }
        return new SandboxSpec(id, rootfs, process, hostname, network, host.resources(), binds(host.binds()),
                host.readonlyRootfs(), logFile, capabilities, seccomp, host.logConfig(),
                SecurityOptions.seccompFilter(host.securityOpt(), capabilities), false, true,
                devices.nodes(), devices.rules());
    }

    /**
     * Docker's rule: its default set, plus {@code --cap-add}, minus {@code --cap-drop}; "ALL" on
     * either side means every capability, and a drop of ALL keeps only what is added.
     */
    static Set<String> capabilities(List<String> add, List<String> drop) {
        List<String> added = capabilityNames(add);
        List<String> dropped = capabilityNames(drop);
        Set<String> result = new TreeSet<>(Capabilities.DOCKER_DEFAULT);
        if (dropped.contains("ALL")) {
            result.clear();
        } else {
            result.removeAll(dropped);
        }
        if (added.contains("ALL")) {
            result.addAll(Capabilities.ALL);
            if (!dropped.contains("ALL")) {
                result.removeAll(dropped);
            }
        } else {
            result.addAll(added);
        }
        return result;
    }

    /** Accepts {@code NET_ADMIN}, {@code CAP_NET_ADMIN} and any case, as Docker does. */
    private static List<String> capabilityNames(List<String> names) {
        List<String> result = new ArrayList<>();
        for (String name : names) {
            String upper = name.strip().toUpperCase(Locale.ROOT);
            if (upper.equals("ALL")) {
                result.add(upper);
                continue;
            }
            String full = upper.startsWith("CAP_") ? upper : "CAP_" + upper;
            if (!Capabilities.ALL.contains(full)) {
                throw new InvalidSpecException("invalid capability: " + name);
            }
            result.add(full);
        }
        return result;
    }

    private static String hostname(ContainerId id, ContainerConfig c) {
        return c.hostname().isEmpty() ? id.shortId() : c.hostname();
    }

    /** The container's environment with Docker's defaults for PATH, HOSTNAME and HOME (the user's, from passwd). */
    static List<String> environment(ContainerId id, ContainerConfig c, ContainerUsers.ExecUser user) {
        List<String> env = new ArrayList<>();
        if (c.env().stream().noneMatch(e -> e.startsWith("PATH="))) {
            env.add(DEFAULT_PATH);
        }
        env.add("HOSTNAME=" + hostname(id, c));
        env.addAll(c.env());
        if (c.env().stream().noneMatch(e -> e.startsWith("HOME="))) {
            env.add("HOME=" + user.homeOrDefault());
        }
        return env;
    }

    /** An exec's process: the container's environment, user and working directory unless the exec sets its own. */
    static ProcessSpec execProcess(ContainerId id, ContainerConfig c, ExecConfig exec, ContainerUsers.ExecUser user) {
        Map<String, String> env = new LinkedHashMap<>();
        environment(id, c, user).forEach(e -> env.put(key(e), e));
        exec.env().forEach(e -> env.put(key(e), e));
        String cwd = !exec.workingDir().isEmpty() ? exec.workingDir() : c.workingDir().isEmpty() ? "/" : c.workingDir();
        return new ProcessSpec(exec.cmd(), new ArrayList<>(env.values()), cwd, user.uid(), user.gid(), user.additionalGids(),
                exec.tty(), exec.attachStdin(), exec.privileged());
    }

    /** The spec with {@code first} bound before its own binds (a user's bind then lands on top). */
    static SandboxSpec withBinds(SandboxSpec spec, List<BindMount> first) {
        List<BindMount> binds = new ArrayList<>(first);
        binds.addAll(spec.binds());
        return new SandboxSpec(spec.id(), spec.rootfs(), spec.process(), spec.hostname(), spec.network(), spec.resources(),
                binds, spec.readonlyRootfs(), spec.logFile(), spec.capabilities(), spec.seccomp(), spec.log(),
                spec.seccompFilter(), spec.privileged(), spec.noNewPrivileges(), spec.devices(), spec.deviceRules());
    }

    /** The user an exec runs as: its own, else the container's. */
    static String execUser(ContainerConfig c, ExecConfig exec) {
        return exec.user().isEmpty() ? c.user() : exec.user();
    }

    static List<BindMount> binds(List<String> specs) {
        List<BindMount> binds = new ArrayList<>();
        for (String spec : specs) {
            String[] parts = spec.split(":");
            if (parts.length < 2 || parts.length > 3 || !parts[0].startsWith("/") || !parts[1].startsWith("/")) {
                throw new InvalidSpecException("invalid volume specification: '" + spec + "'");
            }
            boolean readOnly = parts.length == 3 && parts[2].equals("ro");
            if (parts.length == 3 && !readOnly && !parts[2].equals("rw")) {
                throw new InvalidSpecException("invalid mode: " + parts[2]);
            }
            binds.add(new BindMount(Path.of(parts[0]), parts[1], readOnly));
        }
        return binds;
    }

    private static String key(String env) {
        int eq = env.indexOf('=');
        return eq < 0 ? env : env.substring(0, eq);
    }
}

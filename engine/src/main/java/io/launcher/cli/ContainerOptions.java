package io.launcher.cli;

import io.launcher.api.ContainerConfig;
import io.launcher.api.DeviceMapping;
import io.launcher.api.HostConfig;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.LogConfig;
import io.launcher.api.NetworkMode;
import io.launcher.api.PortBinding;
import io.launcher.api.ResourceLimits;
import io.launcher.api.StorageOpt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The flags {@code run} and {@code create} share, and how they become Docker's Config and HostConfig. */
public final class ContainerOptions {

    boolean interactive;
    boolean tty;
    boolean autoRemove;
    String name;
    List<String> env = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    String workdir;
    String user;
    String hostname;
    long memory;
    long cpuShares;
    long nanoCpus;
    long pidsLimit;
    List<String> volumes = new ArrayList<>();
    List<PublishSpec> publish = new ArrayList<>();
    boolean publishAll;
    List<String> expose = new ArrayList<>();
    String network;
    String entrypoint;
    boolean readOnly;
    boolean privileged;
    List<DeviceMapping> devices = new ArrayList<>();
    List<String> deviceCgroupRules = new ArrayList<>();
    List<String> capAdd = new ArrayList<>();
    List<String> capDrop = new ArrayList<>();
    String logDriver;
    List<String> logOpts = new ArrayList<>();
    List<String> securityOpt = new ArrayList<>();
    List<String> storageOpt = new ArrayList<>();

    /** Adds these flags to a command (picocli's mixin). */
    CommandDeclaration declare(CommandDeclaration command) {
        return command.flag("-i --interactive", "Keep STDIN open even if not attached", v -> interactive = v)
                .flag("-t --tty", "Allocate a pseudo-TTY", v -> tty = v)
                .flag("--rm", "Automatically remove the container when it exits", v -> autoRemove = v)
                .option("--name", "NAME", "Assign a name to the container", v -> name = v)
                .repeated("-e --env", "KEY=VALUE", "Set environment variables", v -> env = v)
                .repeated("-l --label", "KEY=VALUE", "Set meta data on a container", v -> labels = v)
                .option("-w --workdir", "DIR", "Working directory inside the container", v -> workdir = v)
                .option("-u --user", "USER", "Username or UID (format: <name|uid>[:<group|gid>])", v -> user = v)
                .option("-h --hostname", "NAME", "Container host name", v -> hostname = v)
                .option("-m --memory", "BYTES", "Memory limit (units b, k, m, g: 512m)", new MemorySize(), long.class,
                        v -> memory = v)
                .option("-c --cpu-shares", "INT", "CPU shares (relative weight)", long.class, v -> cpuShares = v)
                .option("--cpus", "DECIMAL", "Number of CPUs", new CpuCount(), long.class, v -> nanoCpus = v)
                .option("--pids-limit", "INT", "Tune container pids limit (-1 for unlimited)", long.class,
                        v -> pidsLimit = v)
                .repeated("-v --volume", "SRC:DST[:ro]", "Bind mount a volume", v -> volumes = v)
                .repeated("-p --publish", "[IP:][HOST:]PORT[/PROTO]", "Publish a container's port(s) to the host",
                        new PublishSpec.Converter(), PublishSpec.class, v -> publish = v)
                .flag("-P --publish-all", "Publish all exposed ports to random ports", v -> publishAll = v)
                .repeated("--expose", "PORT[/PROTO]", "Expose a port or a range of ports", v -> expose = v)
                .option("--network", "MODE", "Connect a container to a network: none, host, bridge", v -> network = v)
                .option("--entrypoint", "CMD", "Overwrite the default ENTRYPOINT of the image", v -> entrypoint = v)
                .flag("--read-only", "Mount the container's root filesystem as read only", v -> readOnly = v)
                .flag("--privileged", "Give extended privileges to this container", v -> privileged = v)
                .repeated("--device", "HOST[:CONTAINER][:rwm]", "Add a host device to the container",
                        new DeviceOption.Converter(), DeviceMapping.class, v -> devices = v)
                .repeated("--device-cgroup-rule", "RULE", "Add a rule to the cgroup allowed devices list",
                        new DeviceOption.RuleConverter(), String.class, v -> deviceCgroupRules = v)
                .repeated("--cap-add", "CAP", "Add Linux capabilities", v -> capAdd = v)
                .repeated("--cap-drop", "CAP", "Drop Linux capabilities", v -> capDrop = v)
                .option("--log-driver", "DRIVER", "Logging driver for the container (json-file)", v -> logDriver = v)
                .repeated("--log-opt", "KEY=VALUE", "Log driver options (max-size, max-file)", v -> logOpts = v)
                .repeated("--security-opt", "OPT", "Security Options (seccomp=unconfined|builtin|PROFILE.json)",
                        v -> securityOpt = v)
                .repeated("--storage-opt", "KEY=VALUE", "Storage driver options for the container (size=10m)",
                        v -> storageOpt = v);
    }

    Optional<String> name() {
        return Optional.ofNullable(name).filter(n -> !n.isEmpty());
    }

    /**
     * Docker's Config. {@code attachStdin} is whether the client will hold the container's stdin:
     * Docker then closes it when that client goes ({@code StdinOnce}).
     */
    ContainerConfig config(String image, List<String> command, boolean attachStdin, Session session) {
        List<String> entry = entrypoint == null || entrypoint.isEmpty() ? List.of() : List.of(entrypoint);
        return new ContainerConfig(image, command, entry, environment(session), workdir, user, hostname,
                tty, interactive, interactive && attachStdin, labelMap(), exposedPorts());
    }

    HostConfig hostConfig() {
        NetworkMode mode = network == null ? HostConfig.DEFAULT.networkMode() : NetworkMode.parse(network);
        ResourceLimits limits = new ResourceLimits(memory, cpuShares, nanoCpus, Math.max(0, pidsLimit));
        return new HostConfig(autoRemove, mode, limits, volumes, readOnly, capAdd, capDrop, portBindings(), publishAll,
                SecurityOpts.resolve(securityOpt), logConfig(), privileged, devices, deviceCgroupRules, storageOpt());
    }

    /** {@code --storage-opt size=10m}, as Docker's CLI reads it: a pair without '=' is refused. */
    private StorageOpt storageOpt() {
        Map<String, String> options = new LinkedHashMap<>();
        for (String option : storageOpt) {
            int eq = option.indexOf('=');
            if (eq < 0) {
                throw new InvalidSpecException("invalid storage option");
            }
            options.put(option.substring(0, eq), option.substring(eq + 1));
        }
        return StorageOpt.parse(options);
    }

    /** {@code --log-opt max-size=10m}: checked here, so a bad value fails before anything is created. */
    private LogConfig logConfig() {
        Map<String, String> options = new LinkedHashMap<>();
        for (String option : logOpts) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new InvalidSpecException("invalid log opt '" + option + "': expected KEY=VALUE");
            }
            options.put(option.substring(0, eq), option.substring(eq + 1));
        }
        return LogConfig.parse(logDriver, options);
    }

    private List<PortBinding> portBindings() {
        List<PortBinding> bindings = new ArrayList<>();
        publish.forEach(spec -> bindings.addAll(spec.bindings()));
        return bindings;
    }

    /** As Docker's CLI: every {@code --expose} port (ranges too) and every published one is exposed. */
    private List<String> exposedPorts() {
        Set<String> keys = new LinkedHashSet<>();
        for (String port : expose) {
            PublishSpec.parse(port).bindings().forEach(b -> keys.add(b.portKey()));
        }
        portBindings().forEach(b -> keys.add(b.portKey()));
        return List.copyOf(keys);
    }

    /** {@code -e NAME} without a value takes the client's own, as Docker does; unset ones are dropped. */
    private List<String> environment(Session session) {
        List<String> result = new ArrayList<>();
        for (String entry : env) {
            if (entry.contains("=")) {
                result.add(entry);
            } else {
                session.variable(entry).ifPresent(value -> result.add(entry + "=" + value));
            }
        }
        return result;
    }

    private Map<String, String> labelMap() {
        Map<String, String> result = new LinkedHashMap<>();
        for (String label : labels) {
            int eq = label.indexOf('=');
            result.put(eq < 0 ? label : label.substring(0, eq), eq < 0 ? "" : label.substring(eq + 1));
        }
        return result;
    }
}

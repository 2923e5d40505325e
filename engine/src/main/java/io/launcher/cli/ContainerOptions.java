package io.launcher.cli;

import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerId;
import io.launcher.api.DeviceMapping;
import io.launcher.api.Engine;
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
import java.util.function.Supplier;

/** The flags {@code run} and {@code create} share, and how they become Docker's Config and HostConfig. */
public final class ContainerOptions implements CommandDeclaration.Mixin {

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
    @Override
    public void declare(CommandDeclaration command) {
        command.flag("-i --interactive", "Keep STDIN open even if not attached")
                .flag("-t --tty", "Allocate a pseudo-TTY")
                .flag("--rm", "Automatically remove the container when it exits")
                .option("--name", "NAME", "Assign a name to the container")
                .repeated("-e --env", "KEY=VALUE", "Set environment variables")
                .repeated("-l --label", "KEY=VALUE", "Set meta data on a container")
                .option("-w --workdir", "DIR", "Working directory inside the container")
                .option("-u --user", "USER", "Username or UID (format: <name|uid>[:<group|gid>])")
                .option("-h --hostname", "NAME", "Container host name")
                .option("-m --memory", "BYTES", "Memory limit (units b, k, m, g: 512m)", new MemorySize(), long.class)
                .option("-c --cpu-shares", "INT", "CPU shares (relative weight)", long.class)
                .option("--cpus", "DECIMAL", "Number of CPUs", new CpuCount(), long.class)
                .option("--pids-limit", "INT", "Tune container pids limit (-1 for unlimited)", long.class)
                .repeated("-v --volume", "SRC:DST[:ro]", "Bind mount a volume")
                .repeated("-p --publish", "[IP:][HOST:]PORT[/PROTO]", "Publish a container's port(s) to the host",
                        new PublishSpec.Converter(), PublishSpec.class)
                .flag("-P --publish-all", "Publish all exposed ports to random ports")
                .repeated("--expose", "PORT[/PROTO]", "Expose a port or a range of ports")
                .option("--network", "MODE", "Connect a container to a network: none, host, bridge")
                .option("--entrypoint", "CMD", "Overwrite the default ENTRYPOINT of the image")
                .flag("--read-only", "Mount the container's root filesystem as read only")
                .flag("--privileged", "Give extended privileges to this container")
                .repeated("--device", "HOST[:CONTAINER][:rwm]", "Add a host device to the container",
                        new DeviceOption.Converter(), DeviceMapping.class)
                .repeated("--device-cgroup-rule", "RULE", "Add a rule to the cgroup allowed devices list",
                        new DeviceOption.RuleConverter(), String.class)
                .repeated("--cap-add", "CAP", "Add Linux capabilities")
                .repeated("--cap-drop", "CAP", "Drop Linux capabilities")
                .option("--log-driver", "DRIVER", "Logging driver for the container (json-file)")
                .repeated("--log-opt", "KEY=VALUE", "Log driver options (max-size, max-file)")
                .repeated("--security-opt", "OPT", "Security Options (seccomp=unconfined|builtin|PROFILE.json)")
                .repeated("--storage-opt", "KEY=VALUE", "Storage driver options for the container (size=10m)");
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--interactive" -> interactive = (Boolean) value;
            case "--tty" -> tty = (Boolean) value;
            case "--rm" -> autoRemove = (Boolean) value;
            case "--name" -> this.name = (String) value;
            case "--env" -> env = CommandDeclaration.list(value);
            case "--label" -> labels = CommandDeclaration.list(value);
            case "--workdir" -> workdir = (String) value;
            case "--user" -> user = (String) value;
            case "--hostname" -> hostname = (String) value;
            case "--memory" -> memory = (Long) value;
            case "--cpu-shares" -> cpuShares = (Long) value;
            case "--cpus" -> nanoCpus = (Long) value;
            case "--pids-limit" -> pidsLimit = (Long) value;
            case "--volume" -> volumes = CommandDeclaration.list(value);
            case "--publish" -> publish = CommandDeclaration.list(value);
            case "--publish-all" -> publishAll = (Boolean) value;
            case "--expose" -> expose = CommandDeclaration.list(value);
            case "--network" -> network = (String) value;
            case "--entrypoint" -> entrypoint = (String) value;
            case "--read-only" -> readOnly = (Boolean) value;
            case "--privileged" -> privileged = (Boolean) value;
            case "--device" -> devices = CommandDeclaration.list(value);
            case "--device-cgroup-rule" -> deviceCgroupRules = CommandDeclaration.list(value);
            case "--cap-add" -> capAdd = CommandDeclaration.list(value);
            case "--cap-drop" -> capDrop = CommandDeclaration.list(value);
            case "--log-driver" -> logDriver = (String) value;
            case "--log-opt" -> logOpts = CommandDeclaration.list(value);
            case "--security-opt" -> securityOpt = CommandDeclaration.list(value);
            case "--storage-opt" -> storageOpt = CommandDeclaration.list(value);
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    /**
     * The engine call of {@code run} and {@code create} (made again after a pull of the image), a
     * class and not a lambda: no call site for the JVM to link on each call. A null {@code host}
     * is worked out on the call, after the engine is connected and the Config made.
     */
    Supplier<ContainerId> creation(LauncherCommand launcher, String image, List<String> command, boolean attachStdin,
            HostConfig host) {
        return new Creation(this, launcher, image, command, attachStdin, host);
    }

    private record Creation(ContainerOptions options, LauncherCommand launcher, String image, List<String> command,
            boolean attachStdin, HostConfig host) implements Supplier<ContainerId> {
        @Override
        public ContainerId get() {
            Engine engine = launcher.engine();
            return engine.create(options.name(), options.config(image, command, attachStdin, launcher.session()),
                    host != null ? host : options.hostConfig());
        }
    }

    Optional<String> name() {
        return name == null || name.isEmpty() ? Optional.empty() : Optional.of(name);
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
        // Loops, not forEach with a lambda: each lambda is a call site the JVM links on every call.
        List<PortBinding> bindings = new ArrayList<>();
        for (PublishSpec spec : publish) {
            bindings.addAll(spec.bindings());
        }
        return bindings;
    }

    /** As Docker's CLI: every {@code --expose} port (ranges too) and every published one is exposed. */
    private List<String> exposedPorts() {
        Set<String> keys = new LinkedHashSet<>();
        for (String port : expose) {
            for (PortBinding binding : PublishSpec.parse(port).bindings()) {
                keys.add(binding.portKey());
            }
        }
        for (PortBinding binding : portBindings()) {
            keys.add(binding.portKey());
        }
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

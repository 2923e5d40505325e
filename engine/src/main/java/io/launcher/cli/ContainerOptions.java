package io.launcher.cli;

import io.launcher.api.ContainerConfig;
import io.launcher.api.DeviceMapping;
import io.launcher.api.HostConfig;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.LogConfig;
import io.launcher.api.NetworkMode;
import io.launcher.api.PortBinding;
import io.launcher.api.ResourceLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/** The flags {@code run} and {@code create} share, and how they become Docker's Config and HostConfig. */
public final class ContainerOptions {

    @Option(names = {"-i", "--interactive"}, description = "Keep STDIN open even if not attached")
    boolean interactive;

    @Option(names = {"-t", "--tty"}, description = "Allocate a pseudo-TTY")
    boolean tty;

    @Option(names = "--rm", description = "Automatically remove the container when it exits")
    boolean autoRemove;

    @Option(names = "--name", paramLabel = "NAME", description = "Assign a name to the container")
    String name;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Set environment variables")
    List<String> env = new ArrayList<>();

    @Option(names = {"-l", "--label"}, paramLabel = "KEY=VALUE", description = "Set meta data on a container")
    List<String> labels = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory inside the container")
    String workdir;

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Username or UID (format: <name|uid>[:<group|gid>])")
    String user;

    @Option(names = {"-h", "--hostname"}, paramLabel = "NAME", description = "Container host name")
    String hostname;

    @Option(names = {"-m", "--memory"}, paramLabel = "BYTES", converter = MemorySize.class,
            description = "Memory limit (units b, k, m, g: 512m)")
    long memory;

    @Option(names = {"-c", "--cpu-shares"}, paramLabel = "INT", description = "CPU shares (relative weight)")
    long cpuShares;

    @Option(names = "--cpus", paramLabel = "DECIMAL", converter = CpuCount.class, description = "Number of CPUs")
    long nanoCpus;

    @Option(names = "--pids-limit", paramLabel = "INT", description = "Tune container pids limit (-1 for unlimited)")
    long pidsLimit;

    @Option(names = {"-v", "--volume"}, paramLabel = "SRC:DST[:ro]", description = "Bind mount a volume")
    List<String> volumes = new ArrayList<>();

    @Option(names = {"-p", "--publish"}, paramLabel = "[IP:][HOST:]PORT[/PROTO]", converter = PublishSpec.Converter.class,
            description = "Publish a container's port(s) to the host")
    List<PublishSpec> publish = new ArrayList<>();

    @Option(names = {"-P", "--publish-all"}, description = "Publish all exposed ports to random ports")
    boolean publishAll;

    @Option(names = "--expose", paramLabel = "PORT[/PROTO]", description = "Expose a port or a range of ports")
    List<String> expose = new ArrayList<>();

    @Option(names = "--network", paramLabel = "MODE", description = "Connect a container to a network: none, host, bridge")
    String network;

    @Option(names = "--entrypoint", paramLabel = "CMD", description = "Overwrite the default ENTRYPOINT of the image")
    String entrypoint;

    @Option(names = "--read-only", description = "Mount the container's root filesystem as read only")
    boolean readOnly;

    @Option(names = "--privileged", description = "Give extended privileges to this container")
    boolean privileged;

    @Option(names = "--device", paramLabel = "HOST[:CONTAINER][:rwm]", converter = DeviceOption.Converter.class,
            description = "Add a host device to the container")
    List<DeviceMapping> devices = new ArrayList<>();

    @Option(names = "--device-cgroup-rule", paramLabel = "RULE", converter = DeviceOption.RuleConverter.class,
            description = "Add a rule to the cgroup allowed devices list")
    List<String> deviceCgroupRules = new ArrayList<>();

    @Option(names = "--cap-add", paramLabel = "CAP", description = "Add Linux capabilities")
    List<String> capAdd = new ArrayList<>();

    @Option(names = "--cap-drop", paramLabel = "CAP", description = "Drop Linux capabilities")
    List<String> capDrop = new ArrayList<>();

    @Option(names = "--log-driver", paramLabel = "DRIVER", description = "Logging driver for the container (json-file)")
    String logDriver;

    @Option(names = "--log-opt", paramLabel = "KEY=VALUE", description = "Log driver options (max-size, max-file)")
    List<String> logOpts = new ArrayList<>();

    @Option(names = "--security-opt", paramLabel = "OPT", description = "Security Options (seccomp=unconfined|builtin|PROFILE.json)")
    List<String> securityOpt = new ArrayList<>();

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
                SecurityOpts.resolve(securityOpt), logConfig(), privileged, devices, deviceCgroupRules);
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

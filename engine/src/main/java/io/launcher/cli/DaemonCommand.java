package io.launcher.cli;

import io.launcher.engine.MinFreeSpace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code daemon}: runs the engine in the foreground, serving the Docker Engine API on its socket.
 * {@code --root} and {@code -H} are taken here too, as {@code dockerd} takes them.
 */
@Command(name = "daemon", description = "Run the engine in the foreground")
public final class DaemonCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = "--backend", paramLabel = "NAME", description = "Isolation backend: native, lxc (env LAUNCHER_BACKEND, default native)")
    String backend;

    @Option(names = "--storage", paramLabel = "NAME",
            description = "Storage backend: aufs, overlay (env LAUNCHER_STORAGE, default aufs where the kernel has it, else overlay)")
    String storage;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Plugins folder (env LAUNCHER_PLUGINS, default <home>/plugins)")
    Path plugins;

    @Option(names = "--root", paramLabel = "DIR", description = "State root (as the global --root)")
    Path root;

    @Option(names = {"-H", "--host"}, paramLabel = "unix:///PATH", description = "Socket to serve (as the global -H)")
    String host;

    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]", description = "Registry to reach over plain HTTP (repeatable)")
    List<String> insecureRegistries = new ArrayList<>();

    @Option(names = "--min-free-space", paramLabel = "SIZE|PCT%", converter = FreeSpaceOption.class,
            description = "Free space the state root's filesystem keeps: imports, loads, pulls and copies into "
                    + "containers stop before it (env LAUNCHER_MIN_FREE_SPACE, default 5%% at most 1GiB, 0 for none)")
    MinFreeSpace minFreeSpace;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Override
    public Integer call() {
        return launcher.session().daemonRunner().run(settings());
    }

    DaemonSettings settings() {
        Session session = launcher.session();
        if (root != null) {
            launcher.root = root;
        }
        if (host != null) {
            launcher.host = host;
        }
        CliSettings where = launcher.settings();
        String isolation = Optional.ofNullable(backend).or(() -> session.variable("LAUNCHER_BACKEND")).orElse("native");
        Optional<String> storageName = Optional.ofNullable(storage).or(() -> session.variable("LAUNCHER_STORAGE"));
        Path pluginDir = plugins != null ? plugins
                : session.variable("LAUNCHER_PLUGINS").map(Path::of).orElse(where.home().resolve("plugins"));
        MinFreeSpace reserve = minFreeSpace != null ? minFreeSpace
                : session.variable("LAUNCHER_MIN_FREE_SPACE").map(FreeSpaceOption::parse).orElse(MinFreeSpace.DEFAULT);
        return new DaemonSettings(where.root(), where.socket(), where.home(),
                isolation, storageName, pluginDir.toAbsolutePath().normalize(), insecureRegistries, reserve);
    }
}

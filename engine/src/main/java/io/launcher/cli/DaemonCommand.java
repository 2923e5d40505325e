package io.launcher.cli;

import io.launcher.engine.MinFreeSpace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code daemon}: runs the engine in the foreground, serving the Docker Engine API on its socket.
 * {@code --root} and {@code -H} are taken here too, as {@code dockerd} takes them.
 */
public final class DaemonCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    String backend;
    String storage;
    Path plugins;
    Path root;
    String host;
    List<String> insecureRegistries = new ArrayList<>();
    MinFreeSpace minFreeSpace;

    DaemonCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code daemon}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "daemon", "Run the engine in the foreground")
                .option("--backend", "NAME", "Isolation backend: native, lxc (env LAUNCHER_BACKEND, default native)")
                .option("--storage", "NAME",
                        "Storage backend: aufs, overlay (env LAUNCHER_STORAGE, default aufs where the kernel has it, else overlay)")
                .option("--plugins", "DIR", "Plugins folder (env LAUNCHER_PLUGINS, default <home>/plugins)", Path.class)
                .option("--root", "DIR", "State root (as the global --root)", Path.class)
                .option("-H --host", "unix:///PATH", "Socket to serve (as the global -H)")
                .repeated("--insecure-registry", "HOST[:PORT]", "Registry to reach over plain HTTP (repeatable)")
                .option("--min-free-space", "SIZE|PCT%",
                        "Free space the state root's filesystem keeps: imports, loads, pulls and copies into "
                                + "containers stop before it (env LAUNCHER_MIN_FREE_SPACE, default 5% at most 1GiB, 0 for none)",
                        new FreeSpaceOption(), MinFreeSpace.class)
                .help()
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--backend" -> backend = (String) value;
            case "--storage" -> storage = (String) value;
            case "--plugins" -> plugins = (Path) value;
            case "--root" -> root = (Path) value;
            case "--host" -> host = (String) value;
            case "--insecure-registry" -> insecureRegistries = CommandDeclaration.list(value);
            case "--min-free-space" -> minFreeSpace = (MinFreeSpace) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

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
        // A lambda, not FreeSpaceOption::parse: a method reference links its class (a picocli converter)
        // while bin/launcher writes the class-data archive, which then leaves every converter out.
        MinFreeSpace reserve = minFreeSpace != null ? minFreeSpace
                : session.variable("LAUNCHER_MIN_FREE_SPACE").map(text -> FreeSpaceOption.parse(text))
                        .orElse(MinFreeSpace.DEFAULT);
        return new DaemonSettings(where.root(), where.socket(), where.home(),
                isolation, storageName, pluginDir.toAbsolutePath().normalize(), insecureRegistries, reserve);
    }
}

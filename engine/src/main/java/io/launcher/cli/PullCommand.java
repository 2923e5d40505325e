package io.launcher.cli;

import io.launcher.registry.RegistryReference;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pull}: downloads an image from its registry, showing each layer's progress. */
public final class PullCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    String platform;
    boolean quiet;
    String name;

    PullCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code pull}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "pull", "Download an image from a registry")
                .option("--platform", "OS/ARCH", "Set platform if server is multi-platform capable")
                .flag("-q --quiet", "Suppress verbose output")
                .help()
                .operand("0", "NAME[:TAG|@DIGEST]", null)
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--platform" -> platform = (String) value;
            case "--quiet" -> quiet = (Boolean) value;
            case "NAME[:TAG|@DIGEST]" -> this.name = (String) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() {
        pull(launcher, name, Optional.ofNullable(platform), quiet);
        return 0;
    }

    /** Pulls with the stored credentials of the image's registry and prints its full name, as Docker does. */
    static void pull(LauncherCommand launcher, String name, Optional<String> platform, boolean quiet) {
        Session session = launcher.session();
        RegistryReference reference = RegistryReference.parse(name);
        var credentials = AuthConfigFile.of(session).find(reference.domain());
        var progress = quiet ? io.launcher.api.ProgressListener.NONE : ProgressDisplay.on(session);
        launcher.engine().pull(name, platform, credentials, progress);
        session.out().println(reference);
    }
}

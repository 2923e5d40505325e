package io.launcher.cli;

import io.launcher.api.ProgressListener;
import io.launcher.registry.RegistryReference;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code push}: uploads a local image to the registry its name points to. */
public final class PushCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    boolean quiet;
    String name;

    PushCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code push}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "push", "Upload an image to a registry")
                .flag("-q --quiet", "Suppress verbose output")
                .help()
                .operand("0", "NAME[:TAG]", null)
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--quiet" -> quiet = (Boolean) value;
            case "NAME[:TAG]" -> this.name = (String) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() {
        Session session = launcher.session();
        RegistryReference reference = RegistryReference.parse(name);
        var credentials = AuthConfigFile.of(session).find(reference.domain());
        launcher.engine().push(name, credentials, quiet ? ProgressListener.NONE : ProgressDisplay.on(session));
        return 0;
    }
}

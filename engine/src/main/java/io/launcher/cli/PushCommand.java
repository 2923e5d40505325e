package io.launcher.cli;

import io.launcher.api.ProgressListener;
import io.launcher.registry.RegistryReference;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code push}: uploads a local image to the registry its name points to. */
@Command(name = "push", description = "Upload an image to a registry")
public final class PushCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = {"-q", "--quiet"}, description = "Suppress verbose output")
    boolean quiet;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(index = "0", paramLabel = "NAME[:TAG]")
    String name;

    @Override
    public Integer call() {
        Session session = launcher.session();
        RegistryReference reference = RegistryReference.parse(name);
        var credentials = AuthConfigFile.of(session).find(reference.domain());
        launcher.engine().push(name, credentials, quiet ? ProgressListener.NONE : ProgressDisplay.on(session));
        return 0;
    }
}

package io.launcher.cli;

import io.launcher.registry.RegistryReference;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pull}: downloads an image from its registry, showing each layer's progress. */
@Command(name = "pull", description = "Download an image from a registry")
public final class PullCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = "--platform", paramLabel = "OS/ARCH", description = "Set platform if server is multi-platform capable")
    String platform;

    @Option(names = {"-q", "--quiet"}, description = "Suppress verbose output")
    boolean quiet;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(index = "0", paramLabel = "NAME[:TAG|@DIGEST]")
    String name;

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

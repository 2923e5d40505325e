package io.launcher.cli;

import io.launcher.api.ImageDeletion;
import io.launcher.api.LauncherException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code rmi}: untags and removes images, each failure on its own line, exit 1 if any failed. */
@Command(name = "rmi", description = "Remove one or more images")
public final class RmiCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = {"-f", "--force"}, description = "Force removal of the image")
    boolean force;

    /** Accepted for Docker's sake: layers no image uses are always removed. */
    @Option(names = "--no-prune", description = "Do not delete untagged parents")
    boolean noPrune;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<String> images;

    @Override
    public Integer call() {
        int exitCode = 0;
        for (String image : images) {
            try {
                for (ImageDeletion deletion : launcher.engine().removeImage(image, force)) {
                    launcher.session().out().println(deletion);
                }
            } catch (LauncherException failure) {
                launcher.session().err().println(Cli.describe(failure));
                exitCode = Cli.ENGINE_FAILED;
            }
        }
        return exitCode;
    }
}

package io.launcher.cli;

import io.launcher.api.ImageDeletion;
import io.launcher.api.LauncherException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rmi}: untags and removes images, each failure on its own line, exit 1 if any failed. */
public final class RmiCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    boolean force;

    /** Accepted for Docker's sake: layers no image uses are always removed. */
    boolean noPrune;
    List<String> images;

    RmiCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code rmi}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "rmi", "Remove one or more images")
                .flag("-f --force", "Force removal of the image")
                .flag("--no-prune", "Do not delete untagged parents")
                .help()
                .operands("0..*", "1..*", "IMAGE", null)
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--force" -> force = (Boolean) value;
            case "--no-prune" -> noPrune = (Boolean) value;
            case "IMAGE" -> images = CommandDeclaration.list(value);
            default -> throw CommandDeclaration.unknown(name);
        }
    }

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

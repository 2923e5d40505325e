package io.launcher.cli;

import io.launcher.api.CommitRequest;
import io.launcher.api.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code commit}: a new image from a container's changes; prints its id. */
public final class CommitCommand implements Callable<Integer> {

    final LauncherCommand launcher;

    String author = "";
    List<String> changes = new ArrayList<>();
    String message = "";
    boolean pause;
    String container;
    String reference;

    CommitCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code commit}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "commit", "Create a new image from a container's changes")
                .option("-a --author", "STRING", "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")",
                        v -> author = v)
                .repeated("-c --change", "INSTRUCTION", "Apply Dockerfile instruction to the created image",
                        v -> changes = v)
                .option("-m --message", "STRING", "Commit message", v -> message = v)
                .flagOnByDefault("-p --pause", "Pause container during commit (default true)", v -> pause = v)
                .help()
                .operand("0", "CONTAINER", null, v -> container = v)
                .optionalOperand("1", "REPOSITORY[:TAG]", null, v -> reference = v)
                .spec();
    }

    @Override
    public Integer call() {
        Optional<ImageReference> tag = reference == null ? Optional.empty() : Optional.of(ImageReference.parse(reference));
        launcher.session().out().println(launcher.engine().commit(container, new CommitRequest(tag, message, author, changes, pause)));
        return 0;
    }
}

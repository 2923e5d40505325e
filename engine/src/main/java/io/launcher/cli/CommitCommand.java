package io.launcher.cli;

import io.launcher.api.CommitRequest;
import io.launcher.api.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code commit}: a new image from a container's changes; prints its id. */
public final class CommitCommand implements Callable<Integer>, CommandDeclaration.Fields {

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
                .option("-a --author", "STRING", "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")")
                .repeated("-c --change", "INSTRUCTION", "Apply Dockerfile instruction to the created image")
                .option("-m --message", "STRING", "Commit message")
                .flagOnByDefault("-p --pause", "Pause container during commit (default true)")
                .help()
                .operand("0", "CONTAINER", null)
                .optionalOperand("1", "REPOSITORY[:TAG]", null)
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--author" -> author = (String) value;
            case "--change" -> changes = CommandDeclaration.list(value);
            case "--message" -> message = (String) value;
            case "--pause" -> pause = (Boolean) value;
            case "CONTAINER" -> container = (String) value;
            case "REPOSITORY[:TAG]" -> reference = (String) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() {
        Optional<ImageReference> tag = reference == null ? Optional.empty() : Optional.of(ImageReference.parse(reference));
        launcher.session().out().println(launcher.engine().commit(container, new CommitRequest(tag, message, author, changes, pause)));
        return 0;
    }
}

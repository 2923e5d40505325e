package io.launcher.cli;

import io.launcher.api.CommitRequest;
import io.launcher.api.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code commit}: a new image from a container's changes; prints its id. */
@Command(name = "commit", description = "Create a new image from a container's changes")
public final class CommitCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = {"-a", "--author"}, paramLabel = "STRING", description = "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")")
    String author = "";

    @Option(names = {"-c", "--change"}, paramLabel = "INSTRUCTION", description = "Apply Dockerfile instruction to the created image")
    List<String> changes = new ArrayList<>();

    @Option(names = {"-m", "--message"}, paramLabel = "STRING", description = "Commit message")
    String message = "";

    @Option(names = {"-p", "--pause"}, negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Pause container during commit (default true)")
    boolean pause;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1", arity = "0..1", paramLabel = "REPOSITORY[:TAG]")
    String reference;

    @Override
    public Integer call() {
        Optional<ImageReference> tag = reference == null ? Optional.empty() : Optional.of(ImageReference.parse(reference));
        launcher.session().out().println(launcher.engine().commit(container, new CommitRequest(tag, message, author, changes, pause)));
        return 0;
    }
}

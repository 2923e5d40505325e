package io.launcher.cli;

import io.launcher.api.Engine;
import io.launcher.api.ExecConfig;
import io.launcher.api.ExecSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code exec}: runs a command in a running container and exits with its code. */
@Command(name = "exec", description = "Execute a command in a running container")
public final class ExecCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = {"-i", "--interactive"}, description = "Keep STDIN open even if not attached")
    boolean interactive;

    @Option(names = {"-t", "--tty"}, description = "Allocate a pseudo-TTY")
    boolean tty;

    @Option(names = {"-d", "--detach"}, description = "Detached mode: run command in the background")
    boolean detach;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Set environment variables")
    List<String> env = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory inside the container")
    String workdir;

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Username or UID (format: <name|uid>[:<group|gid>])")
    String user;

    @Option(names = "--privileged", description = "Give extended privileges to the command")
    boolean privileged;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Engine engine = launcher.engine();
        Session session = launcher.session();
        List<String> environment = new ArrayList<>();
        for (String entry : env) {
            if (entry.contains("=")) {
                environment.add(entry);
            } else {
                session.variable(entry).ifPresent(value -> environment.add(entry + "=" + value));
            }
        }
        ExecConfig config = new ExecConfig(command, environment, workdir, user, tty, interactive && !detach, !detach, !detach,
                privileged);
        String exec = engine.createExec(container, config);
        try (ExecSession started = engine.startExec(exec)) {
            if (detach) {
                return 0;
            }
            TerminalAttachment attachment = new TerminalAttachment(session, tty);
            if (attachment.run(started.output(), interactive ? started.stdin() : null,
                    (rows, columns) -> engine.resizeExec(exec, rows, columns))) {
                return 0;
            }
        }
        return engine.inspectExec(exec).exitCode();
    }
}

package io.launcher.cli;

import io.launcher.api.Engine;
import io.launcher.api.ExecConfig;
import io.launcher.api.ExecSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code exec}: runs a command in a running container and exits with its code. */
public final class ExecCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    boolean interactive;
    boolean tty;
    boolean detach;
    List<String> env = new ArrayList<>();
    String workdir;
    String user;
    boolean privileged;
    String container;
    List<String> command = new ArrayList<>();

    ExecCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code exec}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "exec", "Execute a command in a running container")
                .flag("-i --interactive", "Keep STDIN open even if not attached")
                .flag("-t --tty", "Allocate a pseudo-TTY")
                .flag("-d --detach", "Detached mode: run command in the background")
                .repeated("-e --env", "KEY=VALUE", "Set environment variables")
                .option("-w --workdir", "DIR", "Working directory inside the container")
                .option("-u --user", "USER", "Username or UID (format: <name|uid>[:<group|gid>])")
                .flag("--privileged", "Give extended privileges to the command")
                .help()
                .operand("0", "CONTAINER", null)
                .operands("1..*", "1..*", "COMMAND", "The command and its arguments")
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--interactive" -> interactive = (Boolean) value;
            case "--tty" -> tty = (Boolean) value;
            case "--detach" -> detach = (Boolean) value;
            case "--env" -> env = CommandDeclaration.list(value);
            case "--workdir" -> workdir = (String) value;
            case "--user" -> user = (String) value;
            case "--privileged" -> privileged = (Boolean) value;
            case "CONTAINER" -> container = (String) value;
            case "COMMAND" -> command = CommandDeclaration.list(value);
            default -> throw CommandDeclaration.unknown(name);
        }
    }

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

package io.launcher.cli;

import io.launcher.api.Engine;
import io.launcher.api.LauncherException;
import io.launcher.api.LogCursor;
import io.launcher.api.WaitCondition;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code start}: starts created or stopped containers; with {@code -a}, follows one and exits with its code. */
public final class StartCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    CommandSpec spec;
    boolean attach;
    boolean interactive;
    List<String> containers;

    StartCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code start}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        spec = CommandDeclaration.command(this, "start", "Start one or more stopped containers")
                .flag("-a --attach", "Attach STDOUT/STDERR and forward signals")
                .flag("-i --interactive", "Attach container's STDIN")
                .help()
                .operands("0..*", "1..*", "CONTAINER", null)
                .spec();
        return spec;
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--attach" -> attach = (Boolean) value;
            case "--interactive" -> interactive = (Boolean) value;
            case "CONTAINER" -> containers = CommandDeclaration.list(value);
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() throws Exception {
        Engine engine = launcher.engine();
        if (!attach) {
            return ContainerBatch.apply(launcher.session(), containers, container -> {
                engine.start(container);
                return container;
            });
        }
        if (containers.size() > 1) {
            throw new ParameterException(spec.commandLine(), "you cannot start and attach multiple containers at once");
        }
        String container = containers.get(0);
        LogCursor output = engine.attach(container, true, true);
        try {
            engine.start(container);
        } catch (LauncherException failure) {
            output.close();
            throw failure;
        }
        Session session = launcher.session();
        try (SignalProxy proxy = SignalProxy.install(engine, container)) {
            new OutputCopier(session.out(), session.err(), false).copy(output);
            return engine.await(container, WaitCondition.NOT_RUNNING);
        }
    }
}

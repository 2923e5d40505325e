package io.launcher.cli;

import io.launcher.api.EngineInfo;
import io.launcher.api.LauncherException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code version}: the client's version and runtime, then the engine's backends when one answers. */
public final class VersionCommand implements Callable<Integer> {

    final LauncherCommand launcher;

    VersionCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code version}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "version", "Show the Launcher version information")
                .help()
                .spec();
    }

    @Override
    public Integer call() {
        Session session = launcher.session();
        StringBuilder text = new StringBuilder();
        text.append("Client:\n");
        text.append(" Version:           ").append(LauncherVersion.number()).append('\n');
        text.append(" Java version:      ").append(System.getProperty("java.version")).append('\n');
        text.append(" OS/Arch:           linux/").append(System.getProperty("os.arch")).append('\n');
        session.out().print(text);
        EngineInfo info;
        try {
            info = launcher.engine().info();
        } catch (LauncherException unreachable) {
            session.err().println(Cli.describe(unreachable));
            return Cli.ENGINE_FAILED;
        }
        text.setLength(0);
        text.append("\nServer:\n Engine:\n");
        text.append("  Version:          ").append(LauncherVersion.number()).append('\n');
        text.append("  Isolation:        ").append(info.isolationBackend()).append('\n');
        text.append("  Storage:          ").append(info.storageDriver()).append('\n');
        text.append("  Kernel:           ").append(info.kernelVersion()).append('\n');
        session.out().print(text);
        return 0;
    }
}

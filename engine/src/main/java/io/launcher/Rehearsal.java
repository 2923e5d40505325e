package io.launcher;

import io.launcher.cli.Cli;
import io.launcher.cli.Session;
import io.launcher.client.RemoteEngine;
import io.launcher.daemon.DockerApiServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Runs every command once, silently, so that a JVM listing the classes it loads for a class-data
 * archive ({@code -XX:DumpLoadedClassList}, see bin/launcher) captures what real calls load: picocli's
 * model of each command, the failure paths, and the whole client side (HTTP codec, Jackson, the
 * API's JSON) through a real round trip to an API server on a private socket, answered by an
 * in-memory {@link RehearsalEngine}. It never reaches a real engine or store.
 */
final class Rehearsal {
    private static final List<List<String>> LINES = List.of(
            List.of("--help"),
            List.of("--version"),
            List.of("run", "--rm", "--network", "none", "base", "/bin/true"),
            List.of("run", "--rm", "-m", "512m", "--cpus", "1.5", "-e", "A=1", "-v", "/a:/b", "base", "sh", "-c", "x"),
            List.of("run", "-dit", "--name", "n", "-p", "80:80", "base"),
            List.of("run", "-m", "lots", "base"),
            List.of("create", "--name", "n", "base"),
            List.of("start", "-a", "n"),
            List.of("ps", "-a"),
            List.of("ps", "-q", "--format", "{{json .}}"),
            List.of("images"),
            List.of("inspect", "n"),
            List.of("inspect", "-f", "{{.State.Running}}", "base"),
            List.of("logs", "-t", "n"),
            List.of("stop", "n"),
            List.of("kill", "n"),
            List.of("wait", "n"),
            List.of("exec", "n", "sh"),
            List.of("rm", "-f", "n"),
            List.of("import", "-", "base"),
            List.of("commit", "-m", "m", "n", "snap"),
            List.of("diff", "n"),
            List.of("history", "base"),
            List.of("tag", "base", "other"),
            List.of("rmi", "other"),
            List.of("info"),
            List.of("top", "n"),
            List.of("pause", "n"),
            List.of("system", "df"),
            List.of("version"),
            List.of("bogus"));

    private Rehearsal() {
    }

    static void run(Path home) throws IOException {
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        run(home, silent, silent);
    }

    /** Runs the rehearsal printing to these streams (tests look at them). */
    static void run(Path home, PrintStream out, PrintStream err) throws IOException {
        Path dir = Files.createTempDirectory("launcher-rehearsal");
        Path socket = dir.resolve("engine.sock");
        Path tar = dir.resolve("rehearsal.tar");
        try (DockerApiServer server = new DockerApiServer(new RehearsalEngine(), socket)) {
            // The real connector's path (Wiring's seams, connectOrStart) on a socket that answers.
            Wiring.engineConnector();
            Wiring.daemonRunner();
            // A real Session copies the process's environment (its entry classes, loaded from the
            // JDK's image otherwise); this one is given none, so no LAUNCHER_HOST can redirect it.
            Map.copyOf(System.getenv());
            Session session = new Session(settings -> RemoteEngine.connectOrStart(socket, dir, home, List.of()),
                    settings -> 0, Map.of(),
                    new ByteArrayInputStream("rehearsal".getBytes(StandardCharsets.UTF_8)), out, err, home,
                    Clock.systemUTC());
            for (String command : List.of("run", "create", "start", "stop", "restart", "kill", "wait", "rm", "ps",
                    "logs", "attach", "exec", "rename", "inspect", "images", "import", "info", "version", "daemon")) {
                Cli.execute(session, command, "--help");
            }
            for (List<String> line : LINES) {
                Cli.execute(session, line.toArray(new String[0]));
            }
            // A download to a file (TarOutput, the body's direct copy, the JDK's file channel and
            // gathering writes) and the lambdas export and save hand it.
            Cli.execute(session, "export", "-o", tar.toString(), "n");
            Cli.execute(session, "save", "-o", tar.toString(), "base");
        } finally {
            Files.deleteIfExists(tar);
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        }
    }
}

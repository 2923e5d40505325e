package io.launcher.cli;

import io.launcher.api.UnavailableException;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Walks every command's parsing, help and failure paths once, printing nothing, so that a JVM
 * recording a class-data archive ({@code -XX:ArchiveClassesAtExit}) captures what real calls load.
 * bin/launcher runs it once per installation; it never reaches an engine.
 */
public final class Rehearsal {
    private static final List<List<String>> LINES = List.of(
            List.of("--help"),
            List.of("--version"),
            List.of("run", "-dit", "--rm", "-m", "512m", "--cpus", "1.5", "-e", "A=1", "-p", "80:80", "base", "sh", "-c", "x"),
            List.of("run", "-m", "lots", "base"),
            List.of("create", "--name", "n", "base"),
            List.of("ps", "-a", "--format", "table {{.ID}}\\t{{json .}}"),
            List.of("images", "-q"),
            List.of("logs", "-f", "--tail", "1", "c"),
            List.of("rm", "-f", "c"),
            List.of("bogus"));

    private Rehearsal() {
    }

    public static void run(Path home) {
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        Session session = new Session(settings -> {
            throw new UnavailableException("rehearsal: no engine");
        }, settings -> 0, Map.of(), new ByteArrayInputStream(new byte[0]), silent, silent, home, Clock.systemUTC());
        for (String command : CommandTable.NAMES) {
            Cli.execute(session, command, "--help");
        }
        for (List<String> line : LINES) {
            Cli.execute(session, line.toArray(new String[0]));
        }
        TabTable.format(List.of("A\tB", "c\td"));
        HumanSize.decimal(4_261_000);
        GoTime.string(Clock.systemUTC().instant());
    }
}

package io.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

class CommandTableTest {
    @Test
    void buildsOnlyWhatTheCommandLineNeeds() {
        assertEquals(List.of("ps"), CommandTable.requested("--root", "/x", "-H", "unix:///s", "ps", "-a"));
        assertEquals(List.of("run"), CommandTable.requested("--root=/x", "run", "base", "ps"));
        assertEquals(List.of(), CommandTable.requested("--version"));
        assertEquals(CommandTable.NAMES, CommandTable.requested("--help"));
        assertEquals(CommandTable.NAMES, CommandTable.requested());
        assertEquals(CommandTable.NAMES, CommandTable.requested("rnu", "base"));
    }

    /**
     * bin/launcher tells picocli to skip its java.sql and java.time converters
     * ({@code picocli.converters.excludes}): no flag or operand may have such a type.
     */
    @Test
    void noArgumentNeedsAConverterTheLauncherScriptLeavesOut() {
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        Session session = new Session(settings -> null, settings -> 0, Map.of(), new ByteArrayInputStream(new byte[0]),
                silent, silent, Path.of("/nonexistent"), Clock.systemUTC());
        checkTypes(CommandTable.tree(new LauncherCommand(session), CommandTable.NAMES));
    }

    private static void checkTypes(CommandLine line) {
        for (ArgSpec arg : line.getCommandSpec().args()) {
            checkType(line, arg.type());
            for (Class<?> type : arg.auxiliaryTypes()) {
                checkType(line, type);
            }
        }
        line.getSubcommands().values().forEach(CommandTableTest::checkTypes);
    }

    private static void checkType(CommandLine line, Class<?> type) {
        assertFalse(type.getName().matches("java.(sql|time).+"),
                line.getCommandSpec().qualifiedName() + " takes a " + type.getName());
    }
}

package io.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
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
     * bin/launcher tells picocli to skip the converters it registers by reflection, for the java.sql
     * and java.time types and {@code java.nio.file.Path} ({@code picocli.converters.excludes}): a
     * flag or operand of such a type needs a converter of its own ({@link PathValue}).
     */
    @Test
    void noArgumentNeedsAConverterTheLauncherScriptLeavesOut() {
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        Session session = new Session(settings -> null, settings -> 0, Map.of(), new ByteArrayInputStream(new byte[0]),
                silent, silent, Path.of("/nonexistent"), Clock.systemUTC());
        checkTypes(CommandTable.tree(new LauncherCommand(session), CommandTable.NAMES));
    }

    /**
     * Every flag and operand reaches a field: the commands' {@code set} switch on the names the
     * declarations give, and a name missing from a switch would fail only when that flag is used.
     */
    @Test
    void everyFlagAndOperandHasAField() throws Exception {
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        Session session = new Session(settings -> null, settings -> 0, Map.of(), new ByteArrayInputStream(new byte[0]),
                silent, silent, Path.of("/nonexistent"), Clock.systemUTC());
        checkFields(CommandTable.tree(new LauncherCommand(session), CommandTable.NAMES));
    }

    private static void checkFields(CommandLine line) throws Exception {
        for (ArgSpec arg : line.getCommandSpec().args()) {
            Object sample = sampleOf(arg.type());
            String where = line.getCommandSpec().qualifiedName() + " " + arg.paramLabel();
            try {
                arg.setter().set(sample == null ? new Object() : sample);
            } catch (ClassCastException typeWeHaveNoSampleOf) {
                assertNull(sample, where + ": " + typeWeHaveNoSampleOf);
            } catch (IllegalArgumentException missing) {
                fail(where + ": " + missing.getMessage());
            }
        }
        for (CommandLine sub : line.getSubcommands().values()) {
            checkFields(sub);
        }
    }

    private static Object sampleOf(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == int.class) {
            return 1;
        }
        if (type == String.class) {
            return "x";
        }
        if (type == Path.class) {
            return Path.of("/x");
        }
        return type == List.class ? new ArrayList<>() : null;
    }

    private static void checkTypes(CommandLine line) {
        for (ArgSpec arg : line.getCommandSpec().args()) {
            if (arg.converters().length == 0) {
                checkType(line, arg.type());
                for (Class<?> type : arg.auxiliaryTypes()) {
                    checkType(line, type);
                }
            }
        }
        line.getSubcommands().values().forEach(CommandTableTest::checkTypes);
    }

    private static void checkType(CommandLine line, Class<?> type) {
        String name = type.getName();
        assertFalse(name.startsWith("java.sql.") || name.startsWith("java.time.") || name.equals("java.nio.file.Path"),
                line.getCommandSpec().qualifiedName() + " takes a " + name + " without a converter");
    }
}

package io.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

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
}

package io.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    private static String show(boolean terminal) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressDisplay display = new ProgressDisplay(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal);
        display.item("", "1: Pulling from team/app", -1, -1);
        display.item("aaaaaaaaaaaa", "Pulling fs layer", -1, -1);
        display.item("bbbbbbbbbbbb", "Pulling fs layer", -1, -1);
        display.item("aaaaaaaaaaaa", "Downloading", 500, 1000);
        display.item("aaaaaaaaaaaa", "Pull complete", -1, -1);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainLinesWithoutByteCounts() {
        assertEquals("1: Pulling from team/app\naaaaaaaaaaaa: Pulling fs layer\nbbbbbbbbbbbb: Pulling fs layer\n"
                + "aaaaaaaaaaaa: Pull complete\n", show(false));
    }

    @Test
    void terminalRewritesTheLayersRowInPlace() {
        String bar = "[" + "=".repeat(25) + ">" + " ".repeat(24) + "] 500B/1kB";
        assertEquals("1: Pulling from team/app\naaaaaaaaaaaa: Pulling fs layer\nbbbbbbbbbbbb: Pulling fs layer\n"
                + "\033[2A\r\033[2Kaaaaaaaaaaaa: Downloading " + bar + "\r\033[2B"
                + "\033[2A\r\033[2Kaaaaaaaaaaaa: Pull complete\r\033[2B", show(true));
    }

    @Test
    void barsAsDocker() {
        assertEquals("[" + "=".repeat(50) + "] 2MB/2MB", ProgressDisplay.bar(2_000_000, 2_000_000));
        assertEquals("1.5MB", ProgressDisplay.bar(1_500_000, -1));
    }
}

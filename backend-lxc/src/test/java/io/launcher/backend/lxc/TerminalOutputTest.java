package io.launcher.backend.lxc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The host pty's onlcr is undone exactly: one CR before each LF goes, every other byte stays. */
class TerminalOutputTest {

    static String through(String raw, boolean byteByByte) throws IOException {
        InputStream in = new TerminalOutput(new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
        if (!byteByByte) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        StringBuilder out = new StringBuilder();
        for (int b = in.read(); b >= 0; b = in.read()) {
            out.append((char) b);
        }
        return out.toString();
    }

    @Test
    void theHostCarriageReturnBeforeEachNewlineIsDropped() throws IOException {
        for (boolean byteByByte : new boolean[] {true, false}) {
            assertEquals("/dev/pts/0\r\n24 90\r\n", through("/dev/pts/0\r\r\n24 90\r\r\n", byteByByte));
            assertEquals("a\nb\n", through("a\r\nb\r\n", byteByByte));
            assertEquals("50%\r100%\r\n", through("50%\r100%\r\r\n", byteByByte));
            assertEquals("end\r", through("end\r", byteByByte));
            assertEquals("\r\r\n", through("\r\r\r\n", byteByByte));
            assertEquals("", through("", byteByByte));
        }
    }
}

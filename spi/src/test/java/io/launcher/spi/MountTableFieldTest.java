package io.launcher.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MountTableFieldTest {
    @Test
    void theFourCharactersAMountTableEscapesGoBothWays() {
        String path = "/a dir/with\ttab\nnewline\\backslash";
        String escaped = MountTableField.escape(path);
        assertEquals("/a\\040dir/with\\011tab\\012newline\\134backslash", escaped);
        assertEquals(path, MountTableField.unescape(escaped));
    }

    @Test
    void aBackslashWithoutThreeOctalDigitsStaysAsItIs() {
        assertEquals("a\\9b\\04", MountTableField.unescape("a\\9b\\04"));
        assertEquals("plain", MountTableField.unescape("plain"));
    }
}

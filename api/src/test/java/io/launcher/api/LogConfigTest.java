package io.launcher.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogConfigTest {

    @Test
    void noOptionGivesTheBoundedDefault() {
        assertEquals(LogConfig.DEFAULT, LogConfig.parse(null, Map.of()));
        assertEquals(LogConfig.DEFAULT, LogConfig.parse("", Map.of()));
        assertEquals(new LogConfig("json-file", 100L << 20, 3), LogConfig.DEFAULT);
    }

    @Test
    void sizesTakeDockerUnits() {
        assertEquals(10L << 20, LogConfig.parse("json-file", Map.of("max-size", "10m")).maxSize());
        assertEquals(10L << 20, LogConfig.parse("json-file", Map.of("max-size", "10MB")).maxSize());
        assertEquals(64L << 10, LogConfig.parse("json-file", Map.of("max-size", "64k")).maxSize());
        assertEquals(1L << 30, LogConfig.parse("json-file", Map.of("max-size", "1g")).maxSize());
        assertEquals(500, LogConfig.parse("json-file", Map.of("max-size", "500")).maxSize());
    }

    @Test
    void minusOneIsUnboundedAndAMissingOptionKeepsItsDefault() {
        LogConfig unbounded = LogConfig.parse("json-file", Map.of("max-size", "-1"));
        assertFalse(unbounded.bounded());
        assertEquals(LogConfig.DEFAULT_MAX_FILES, unbounded.maxFiles());
        LogConfig files = LogConfig.parse(null, Map.of("max-file", "7"));
        assertEquals(7, files.maxFiles());
        assertEquals(LogConfig.DEFAULT_MAX_SIZE, files.maxSize());
    }

    @Test
    void badValuesAreRefusedWithTheirName() {
        assertEquals("invalid value for max-size: 'abc' (a size such as 10m)",
                assertThrows(InvalidSpecException.class, () -> LogConfig.parse(null, Map.of("max-size", "abc"))).getMessage());
        assertThrows(InvalidSpecException.class, () -> LogConfig.parse(null, Map.of("max-size", "10x")));
        assertThrows(InvalidSpecException.class, () -> LogConfig.parse(null, Map.of("max-size", "99999999999999t")));
        assertThrows(InvalidSpecException.class, () -> LogConfig.parse(null, Map.of("max-file", "0")));
        assertThrows(InvalidSpecException.class, () -> LogConfig.parse(null, Map.of("max-file", "two")));
        assertEquals("unknown log opt 'compress' for json-file log driver",
                assertThrows(InvalidSpecException.class, () -> LogConfig.parse(null, Map.of("compress", "true"))).getMessage());
        assertThrows(InvalidSpecException.class, () -> LogConfig.parse("syslog", Map.of()));
    }

    @Test
    void optionsReadBackToTheSameConfig() {
        for (LogConfig config : new LogConfig[] {LogConfig.DEFAULT, new LogConfig("json-file", 3000, 1),
            new LogConfig("json-file", 5L << 30, 9), new LogConfig("json-file", -1, 2)}) {
            assertEquals(config, LogConfig.parse(config.type(), config.options()));
        }
        assertEquals(Map.of("max-size", "10m", "max-file", "3"), new LogConfig("json-file", 10L << 20, 3).options());
    }
}

package io.launcher.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.launcher.api.PathStat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The stat header carries Go's FileMode: the docker CLI tells a directory by bit 31, a link by bit 27. */
class PathStatJsonTest {

    @Test
    void modesAreGoFileModes() {
        assertEquals((1L << 31) | 0755, PathStatJson.goMode(0040755));
        assertEquals((1L << 31) | (1L << 20) | 0777, PathStatJson.goMode(0041777));
        assertEquals((1L << 27) | 0777, PathStatJson.goMode(0120777));
        assertEquals(0644, PathStatJson.goMode(0100644));
        assertEquals(0041777, PathStatJson.unixMode(PathStatJson.goMode(0041777)));
        assertEquals(0104755, PathStatJson.unixMode(PathStatJson.goMode(0104755)));
    }

    @Test
    void headerRoundTrips() {
        PathStat stat = new PathStat("link", 11, 0120777, Instant.parse("2024-01-02T03:04:05.5Z"), "/etc/passwd");
        String header = PathStatJson.encode(stat);
        String json = new String(Base64.getDecoder().decode(header), StandardCharsets.UTF_8);
        assertEquals("{\"name\":\"link\",\"size\":11,\"mode\":134218239,\"mtime\":\"2024-01-02T03:04:05.5Z\","
                + "\"linkTarget\":\"/etc/passwd\"}", json);
        assertEquals(stat, PathStatJson.decode(header));
    }
}

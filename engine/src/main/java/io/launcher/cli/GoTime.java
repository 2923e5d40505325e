package io.launcher.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as Go's {@code time.Time.String()} prints them in the local zone: "2024-01-15 10:30:00 +0000 UTC". */
final class GoTime {
    private static final DateTimeFormatter STRING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z z");

    private GoTime() {
    }

    static String string(Instant time) {
        return STRING.format(time.atZone(ZoneId.systemDefault()));
    }
}

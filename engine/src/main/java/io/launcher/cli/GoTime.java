package io.launcher.cli;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;

/**
 * Times as Go's {@code time.Time.String()} prints them in the local zone: "2024-01-15 10:30:00 +0000 UTC".
 * Written by hand over {@link TimeZone}, not by a DateTimeFormatter over {@code ZoneId.systemDefault()}:
 * a region ZoneId makes the JDK look for time-zone rule providers in every jar of the class path,
 * the zone's abbreviation loads the CLDR names, and a formatter's pattern is parsed on first use
 * (together ~50 ms of a short CLI call). A server's usual zone, UTC, is named without the CLDR names.
 */
final class GoTime {
    /** The ids whose abbreviation is "UTC" in Go and in the JDK alike (a test holds them to the JDK's). */
    private static final Set<String> UTC_IDS = Set.of("UTC", "Etc/UTC");

    private GoTime() {
    }

    static String string(Instant time) {
        TimeZone zone = TimeZone.getDefault();
        long millis = time.toEpochMilli();
        int offsetMinutes = zone.getOffset(millis) / 60_000;
        LocalDateTime local = LocalDateTime.ofInstant(time, ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
        String abbreviation = UTC_IDS.contains(zone.getID()) ? "UTC"
                : zone.getDisplayName(zone.inDaylightTime(new Date(millis)), TimeZone.SHORT,
                        Locale.getDefault(Locale.Category.FORMAT));
        StringBuilder text = new StringBuilder(40);
        pad(text, local.getYear(), 4).append('-');
        pad(text, local.getMonthValue(), 2).append('-');
        pad(text, local.getDayOfMonth(), 2).append(' ');
        pad(text, local.getHour(), 2).append(':');
        pad(text, local.getMinute(), 2).append(':');
        pad(text, local.getSecond(), 2).append(' ').append(offsetMinutes < 0 ? '-' : '+');
        pad(text, Math.abs(offsetMinutes) / 60, 2);
        pad(text, Math.abs(offsetMinutes) % 60, 2).append(' ');
        return text.append(abbreviation).toString();
    }

    private static StringBuilder pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }
}

package io.launcher.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The times {@code events --since/--until} accept, as the docker CLI does: a unix timestamp
 * ({@code 1700000000.5}), an RFC 3339 date, or a Go duration ({@code 10m}, {@code 1h30m}) back from now.
 */
final class EventTime {
    private static final Pattern UNIX = Pattern.compile("(\\d+)(?:\\.(\\d{1,9}))?");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private EventTime() {
    }

    static Instant parse(String text, Instant now) {
        Matcher unix = UNIX.matcher(text);
        if (unix.matches()) {
            String fraction = unix.group(2) == null ? "0" : (unix.group(2) + "000000000").substring(0, 9);
            return Instant.ofEpochSecond(Long.parseLong(unix.group(1)), Long.parseLong(fraction));
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return now.minus(duration(text));
        }
    }

    private static Duration duration(String text) {
        Matcher part = DURATION_PART.matcher(text);
        Duration total = Duration.ZERO;
        int at = 0;
        while (part.find() && part.start() == at) {
            double value = Double.parseDouble(part.group(1));
            double nanosPer = switch (part.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            total = total.plusNanos((long) (value * nanosPer));
            at = part.end();
        }
        if (at == 0 || at != text.length()) {
            throw new IllegalArgumentException("invalid time \"" + text + "\": expected a timestamp, a date or a duration");
        }
        return total;
    }
}

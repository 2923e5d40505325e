package io.launcher.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the UTC times of a json-file log, {@code 2026-11-28T11:22:33.123456789Z}, without
 * {@link Instant#parse} for each line: the date and time of day (the first 19 characters) change
 * once a second, so their value is kept and only the fraction is read. Any other form (an offset,
 * no fraction) falls back to {@link Instant#parse}.
 */
final class RfcTime {
    private static final int SECONDS_LENGTH = 19;

    private final byte[] lastSeconds = new byte[SECONDS_LENGTH];
    private long lastEpochSecond = Long.MIN_VALUE;

    /** The time in {@code b[start, end)}, or null when it is not one. */
    Instant parse(byte[] b, int start, int end) {
        int length = end - start;
        if (length < SECONDS_LENGTH + 3 || b[end - 1] != 'Z' || b[start + SECONDS_LENGTH] != '.' || length > SECONDS_LENGTH + 11) {
            return slow(b, start, end);
        }
        long nanos = 0;
        int digits = 0;
        for (int i = start + SECONDS_LENGTH + 1; i < end - 1; i++, digits++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return slow(b, start, end);
            }
            nanos = nanos * 10 + d;
        }
        for (; digits < 9; digits++) {
            nanos *= 10;
        }
        Long second = epochSecond(b, start);
        return second == null ? null : Instant.ofEpochSecond(second, nanos);
    }

    private Long epochSecond(byte[] b, int start) {
        if (lastEpochSecond != Long.MIN_VALUE && java.util.Arrays.equals(b, start, start + SECONDS_LENGTH, lastSeconds, 0, SECONDS_LENGTH)) {
            return lastEpochSecond;
        }
        try {
            String text = new String(b, start, SECONDS_LENGTH, StandardCharsets.US_ASCII);
            long second = LocalDateTime.parse(text).toEpochSecond(ZoneOffset.UTC);
            System.arraycopy(b, start, lastSeconds, 0, SECONDS_LENGTH);
            lastEpochSecond = second;
            return second;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant slow(byte[] b, int start, int end) {
        try {
            return Instant.parse(new String(b, start, end - start, StandardCharsets.US_ASCII));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

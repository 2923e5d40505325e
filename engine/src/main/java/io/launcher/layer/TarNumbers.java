package io.launcher.layer;

import io.launcher.api.InvalidSpecException;

/** Numeric fields of a tar header: NUL/space-terminated octal, or base-256 (high bit set) for large values. */
final class TarNumbers {

    private TarNumbers() {
    }

    static long parse(byte[] header, int offset, int length) {
        if ((header[offset] & 0x80) != 0) {
            return base256(header, offset, length);
        }
        long value = 0;
        int i = offset;
        int end = offset + length;
        while (i < end && header[i] == ' ') {
            i++;
        }
        for (; i < end && header[i] != 0 && header[i] != ' '; i++) {
            if (header[i] < '0' || header[i] > '7') {
                throw new InvalidSpecException("invalid layer: bad octal number in tar header");
            }
            value = (value << 3) | (header[i] - '0');
        }
        return value;
    }

    private static long base256(byte[] header, int offset, int length) {
        boolean negative = (header[offset] & 0x40) != 0;
        if (negative) {
            return -1;
        }
        long value = header[offset] & 0x3f;
        for (int i = offset + 1; i < offset + length; i++) {
            if ((value >>> 55) != 0) {
                throw new InvalidSpecException("invalid layer: tar header number out of range");
            }
            value = (value << 8) | (header[i] & 0xff);
        }
        return value;
    }
}

package io.launcher.layer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Fills a ustar header record with the bytes Commons Compress's {@code writeEntryHeader} gives
 * (star mode, {@link HeaderNames}), without a {@link TarArchiveEntry} per entry: that entry, its
 * map, its name buffers and the magic and version it encodes through a charset encoder each time
 * were a fifth of an export's garbage, and garbage is what an export's time went to (young
 * collections, and a full one every few exports in the daemon's small heap).
 *
 * <p>Only the common case is written here: ASCII names and link targets that fit their 100 bytes,
 * and numbers that fit their octal fields; {@link #fits} says so, and any other entry goes through
 * Commons Compress. The fields no entry changes (magic, version, owner names, the star fields) come
 * from a record Commons Compress wrote itself.
 */
final class UstarHeader {
    static final int RECORD = 512;

    private static final int NAME = 0;
    private static final int NAME_LENGTH = 100;
    private static final int MODE = 100;
    private static final int UID = 108;
    private static final int GID = 116;
    private static final int SIZE = 124;
    private static final int MTIME = 136;
    private static final int CHECKSUM = 148;
    private static final int TYPE = 156;
    private static final int LINK = 157;
    private static final int DEV_MAJOR = 329;
    private static final int DEV_MINOR = 337;
    /** The largest value of an 8-byte field (7 octal digits and a space), and of a 12-byte one. */
    private static final long MAX_SHORT = 07777777L;
    private static final long MAX_LONG = 077777777777L;

    private final byte[] template = new byte[RECORD];

    UstarHeader() {
        TarArchiveEntry prototype = new TarArchiveEntry("x", (byte) '0', true);
        prototype.setModTime(FileTime.from(Instant.EPOCH));
        try {
            prototype.writeEntryHeader(template, HeaderNames.UTF_8, true);
        } catch (IOException e) {
            // an ASCII name always encodes
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@link #write} gives this entry's bytes: otherwise Commons Compress must. */
    static boolean fits(String name, String link, long mode, long uid, long gid, long size, long mtime,
                        long major, long minor) {
        return plain(name) && (link == null || plain(link)) && octal(mode, MAX_SHORT) && octal(uid, MAX_SHORT)
                && octal(gid, MAX_SHORT) && octal(major, MAX_SHORT) && octal(minor, MAX_SHORT)
                && octal(size, MAX_LONG) && octal(mtime, MAX_LONG);
    }

    /** Fills all 512 bytes of {@code record}. */
    void write(byte[] record, String name, byte type, String link, long mode, long uid, long gid, long size,
               long mtime, long major, long minor) {
        System.arraycopy(template, 0, record, 0, RECORD);
        text(name, record, NAME);
        number(mode, record, MODE, 8);
        number(uid, record, UID, 8);
        number(gid, record, GID, 8);
        number(size, record, SIZE, 12);
        number(mtime, record, MTIME, 12);
        record[TYPE] = type;
        text(link == null ? "" : link, record, LINK);
        number(major, record, DEV_MAJOR, 8);
        number(minor, record, DEV_MINOR, 8);
        checksum(record);
    }

    /** ASCII without NUL (one byte per char) in at most 100 bytes: a name a ustar field holds as is. */
    static boolean plain(String text) {
        if (text.length() > NAME_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean octal(long value, long max) {
        return value >= 0 && value <= max;
    }

    /** The text, then NULs to the field's end. */
    private static void text(String text, byte[] record, int offset) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            record[offset + i] = (byte) text.charAt(i);
        }
        for (int i = length; i < NAME_LENGTH; i++) {
            record[offset + i] = 0;
        }
    }

    /** Zero-padded octal digits, then a space. */
    private static void number(long value, byte[] record, int offset, int length) {
        octalDigits(value, record, offset, length - 1);
        record[offset + length - 1] = ' ';
    }

    private static void octalDigits(long value, byte[] record, int offset, int digits) {
        long rest = value;
        for (int i = offset + digits - 1; i >= offset; i--) {
            record[i] = (byte) ('0' + (rest & 7));
            rest >>>= 3;
        }
    }

    /** The unsigned sum of the record with its checksum field as spaces: six octal digits, a NUL, a space. */
    private static void checksum(byte[] record) {
        for (int i = CHECKSUM; i < CHECKSUM + 8; i++) {
            record[i] = ' ';
        }
        long sum = 0;
        for (byte b : record) {
            sum += b & 0xff;
        }
        octalDigits(sum, record, CHECKSUM, 6);
        record[CHECKSUM + 6] = 0;
        record[CHECKSUM + 7] = ' ';
    }
}

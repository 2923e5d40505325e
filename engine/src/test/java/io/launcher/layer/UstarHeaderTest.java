package io.launcher.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

/** The records {@link UstarHeader} fills are the very bytes Commons Compress writes for the same entry. */
class UstarHeaderTest {
    private static final byte[] TYPES = {TarConstants.LF_NORMAL, TarConstants.LF_DIR, TarConstants.LF_SYMLINK,
        TarConstants.LF_LINK, TarConstants.LF_CHR, TarConstants.LF_FIFO};

    private static byte[] commons(String name, byte type, String link, long mode, long uid, long gid, long size,
                                  long mtime, long major, long minor) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
        entry.setMode((int) mode);
        entry.setUserId(uid);
        entry.setGroupId(gid);
        entry.setSize(size);
        entry.setModTime(FileTime.from(Instant.ofEpochSecond(mtime)));
        if (link != null) {
            entry.setLinkName(link);
        }
        if (type == TarConstants.LF_CHR) {
            entry.setDevMajor((int) major);
            entry.setDevMinor((int) minor);
        }
        byte[] record = new byte[UstarHeader.RECORD];
        entry.writeEntryHeader(record, HeaderNames.UTF_8, true);
        return record;
    }

    private static void same(String name, byte type, String link, long mode, long uid, long gid, long size,
                             long mtime, long major, long minor) throws IOException {
        assertTrue(UstarHeader.fits(name, link, mode, uid, gid, size, mtime, major, minor), name);
        byte[] record = new byte[UstarHeader.RECORD];
        Arrays.fill(record, (byte) 0x5a); // a reused record: every byte must be written
        new UstarHeader().write(record, name, type, link, mode, uid, gid, size, mtime, major, minor);
        assertArrayEquals(commons(name, type, link, mode, uid, gid, size, mtime, major, minor), record, name);
    }

    @Test
    void edgesGiveCommonsCompressBytes() throws IOException {
        same("a", TarConstants.LF_NORMAL, null, 0, 0, 0, 0, 0, 0, 0);
        same("etc/", TarConstants.LF_DIR, null, 07777, 2097151, 2097151, 077777777777L, 077777777777L, 0, 0);
        same("n".repeat(100), TarConstants.LF_SYMLINK, "t".repeat(100), 0777, 1000, 1000, 0, 1_700_000_000L, 0, 0);
        same("dev/null", TarConstants.LF_CHR, null, 0666, 0, 0, 0, 1_700_000_000L, 1, 3);
        same("bin/sh", TarConstants.LF_LINK, "bin/busybox", 0, 0, 0, 0, 0, 0, 0);
        same(".wh..wh..opq", TarConstants.LF_NORMAL, null, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void randomEntriesGiveCommonsCompressBytes() throws IOException {
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++) {
            byte type = TYPES[random.nextInt(TYPES.length)];
            String name = ascii(random, 1 + random.nextInt(100));
            String link = type == TarConstants.LF_SYMLINK || type == TarConstants.LF_LINK
                    ? ascii(random, random.nextInt(101)) : null;
            long major = type == TarConstants.LF_CHR ? random.nextInt(4096) : 0;
            long minor = type == TarConstants.LF_CHR ? random.nextInt(1 << 20) : 0;
            same(name, type, link, random.nextInt(07777 + 1), random.nextInt(2097152), random.nextInt(2097152),
                    random.nextLong(077777777777L + 1), random.nextLong(077777777777L + 1), major, minor);
        }
    }

    @Test
    void whatAUstarFieldCannotHoldIsLeftToCommonsCompress() {
        assertFalse(UstarHeader.fits("n".repeat(101), null, 0, 0, 0, 0, 0, 0, 0));
        assertFalse(UstarHeader.fits("caf\u00e9", null, 0, 0, 0, 0, 0, 0, 0));
        assertFalse(UstarHeader.fits("a\0b", null, 0, 0, 0, 0, 0, 0, 0));
        assertFalse(UstarHeader.fits("a", "t".repeat(101), 0, 0, 0, 0, 0, 0, 0));
        assertFalse(UstarHeader.fits("a", null, 0, 2097152, 0, 0, 0, 0, 0));
        assertFalse(UstarHeader.fits("a", null, 0, 0, 0, 077777777777L + 1, 0, 0, 0));
        assertFalse(UstarHeader.fits("a", null, 0, 0, 0, 0, -1, 0, 0));
    }

    private static String ascii(Random random, int length) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = (char) (1 + random.nextInt(0x7f));
        }
        return new String(text);
    }
}

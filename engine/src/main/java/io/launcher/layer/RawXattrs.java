package io.launcher.layer;

import io.launcher.api.InvalidSpecException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the extended attributes of one entry in the raw header bytes recorded before it: walks
 * the chain of meta headers ({@code x} PAX, {@code g}, GNU {@code L}/{@code K}) up to the entry's
 * own header and reads {@code SCHILY.xattr.*} (raw bytes, as Go and GNU tar write them) and
 * {@code LIBARCHIVE.xattr.*} (URL-encoded name, base64 value, as bsdtar writes them).
 */
final class RawXattrs {
    private static final int BLOCK = 512;
    private static final String SCHILY = "SCHILY.xattr.";
    private static final String LIBARCHIVE = "LIBARCHIVE.xattr.";

    private RawXattrs() {
    }

    /** @param firstHeader offset in {@code recorded} of the first header block after the previous entry */
    static Map<String, byte[]> find(byte[] recorded, int firstHeader) {
        Map<String, byte[]> xattrs = new TreeMap<>();
        int header = firstHeader;
        while (header + BLOCK <= recorded.length) {
            byte type = recorded[header + 156];
            if (type != 'x' && type != 'g' && type != 'L' && type != 'K') {
                break;
            }
            long size = TarNumbers.parse(recorded, header + 124, 12);
            if (size < 0 || header + BLOCK + size > recorded.length) {
                throw new InvalidSpecException("invalid layer: meta header size " + size);
            }
            if (type == 'x') {
                collect(PaxRecords.parse(recorded, header + BLOCK, (int) size), xattrs);
            }
            header += BLOCK + (int) ((size + BLOCK - 1) / BLOCK * BLOCK);
        }
        return xattrs;
    }

    /** For a message: the name in the header at {@code offset}, as " at entry \"name\"", or nothing. */
    static String nameAt(byte[] recorded, int offset) {
        if (offset + BLOCK > recorded.length) {
            return "";
        }
        int end = offset;
        while (end < offset + 100 && recorded[end] != 0) {
            end++;
        }
        return " at entry " + LayerPaths.quote(new String(recorded, offset, end - offset, StandardCharsets.UTF_8));
    }

    private static void collect(Map<String, byte[]> records, Map<String, byte[]> xattrs) {
        for (Map.Entry<String, byte[]> record : records.entrySet()) {
            String key = record.getKey();
            if (key.startsWith(LIBARCHIVE)) {
                String name = URLDecoder.decode(key.substring(LIBARCHIVE.length()), StandardCharsets.UTF_8);
                xattrs.putIfAbsent(name, Base64.getDecoder().decode(stripPadding(record.getValue())));
            } else if (key.startsWith(SCHILY)) {
                xattrs.put(key.substring(SCHILY.length()), record.getValue());
            }
        }
    }

    /** libarchive writes base64 without padding; the JDK decoder accepts either once trimmed. */
    private static byte[] stripPadding(byte[] value) {
        int end = value.length;
        while (end > 0 && value[end - 1] == '=') {
            end--;
        }
        return Arrays.copyOf(value, end);
    }
}

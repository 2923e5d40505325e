package io.launcher.layer;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** How a layer stream is compressed, told by its magic bytes (media types are often wrong). */
public enum Compression {
    NONE, GZIP, ZSTD;

    private static final int[] GZIP_MAGIC = {0x1f, 0x8b};
    private static final int[] ZSTD_MAGIC = {0x28, 0xb5, 0x2f, 0xfd};

    /** Peeks at the first bytes of {@code in} without consuming them. */
    static Compression detect(BufferedInputStream in) throws IOException {
        in.mark(ZSTD_MAGIC.length);
        byte[] head = in.readNBytes(ZSTD_MAGIC.length);
        in.reset();
        if (startsWith(head, ZSTD_MAGIC)) {
            return ZSTD;
        }
        return startsWith(head, GZIP_MAGIC) ? GZIP : NONE;
    }

    /** The uncompressed stream; gzip members that follow one another are read as one stream. */
    InputStream decompress(InputStream in) throws IOException {
        return switch (this) {
            case NONE -> in;
            case GZIP -> new GZIPInputStream(in, 64 * 1024);
            case ZSTD -> new ZstdInputStream(in);
        };
    }

    private static boolean startsWith(byte[] head, int[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}

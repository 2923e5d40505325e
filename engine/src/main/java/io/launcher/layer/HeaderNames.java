package io.launcher.layer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.zip.ZipEncoding;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;

/**
 * Names and link targets of tar headers as UTF-8, as Commons Compress encodes them, but an ASCII
 * name (nearly every name of a root filesystem) is copied as is: Commons Compress makes a charset
 * encoder and two buffers per name, a third of an export's garbage.
 */
final class HeaderNames implements ZipEncoding {
    static final HeaderNames UTF_8 = new HeaderNames();

    private static final ZipEncoding FULL = ZipEncodingHelper.getZipEncoding(StandardCharsets.UTF_8);

    private HeaderNames() {
    }

    @Override
    public boolean canEncode(String name) {
        return ascii(name) || FULL.canEncode(name);
    }

    @Override
    public ByteBuffer encode(String name) throws IOException {
        // ASCII is its own UTF-8
        return ascii(name) ? ByteBuffer.wrap(name.getBytes(StandardCharsets.US_ASCII)) : FULL.encode(name);
    }

    @Override
    public String decode(byte[] data) throws IOException {
        return FULL.decode(data);
    }

    private static boolean ascii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}

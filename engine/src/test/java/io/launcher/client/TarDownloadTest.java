package io.launcher.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The download of a tar body: every byte, in writes of a whole buffer whatever the reads return. */
class TarDownloadTest {

    @Test
    void copiesEveryByteInWholeMegabyteWritesFromShortReads() throws IOException {
        byte[] body = new byte[3 * (1 << 20) + 12345];
        new Random(7).nextBytes(body);
        // A socket hands over what has arrived: here never more than 40 kB per read.
        InputStream socket = new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 40_000));
            }
        };
        List<Integer> writes = new ArrayList<>();
        ByteArrayOutputStream file = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                writes.add(len);
                super.write(b, off, len);
            }
        };
        assertEquals(body.length, TarDownload.copy(socket, file));
        assertArrayEquals(body, file.toByteArray());
        assertEquals(List.of(1 << 20, 1 << 20, 1 << 20, 12345), writes);
    }

    @Test
    void anEmptyBodyWritesNothing() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        assertEquals(0, TarDownload.copy(InputStream.nullInputStream(), file));
        assertEquals(0, file.size());
    }
}

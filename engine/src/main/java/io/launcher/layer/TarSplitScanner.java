package io.launcher.layer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Walks an uncompressed tar stream block by block as it is read and writes its tar-split record:
 * regular files' contents become (path, size), everything else is kept verbatim. It never throws:
 * a construct it cannot describe exactly (GNU sparse or multi-volume entries, PAX global paths, a
 * truncated stream, a failing record) leaves it without a record, and the layer is re-serialised
 * when it is needed again, as it would be without a record.
 */
final class TarSplitScanner {
    private static final int BLOCK = 512;

    private enum State { HEADER, RAW_DATA, HEADER_DATA, FILE_DATA, PADDING, TRAILER, FAILED }

    private final TarSplitRecord.Writer record;
    private final byte[] header = new byte[BLOCK];
    private final ByteArrayOutputStream headerData = new ByteArrayOutputStream();
    private State state = State.HEADER;
    private int headerLength;
    private long remaining;
    private long padding;
    private byte headerType;
    private String paxPath;
    private long paxSize = -1;
    private String longName;

    TarSplitScanner(TarSplitRecord.Writer record) {
        this.record = record;
    }

    void accept(byte[] bytes, int offset, int length) {
        try {
            while (length > 0 && state != State.FAILED) {
                int used = step(bytes, offset, length);
                offset += used;
                length -= used;
            }
        } catch (IOException | RuntimeException e) {
            state = State.FAILED;
        }
    }

    /** Ends the record at the end of the stream; false when there is no complete record. */
    boolean finish() {
        try {
            if (state == State.HEADER) {
                // A stream cut inside a header block is trailing bytes to a tar reader that got this far.
                record.raw(header, 0, headerLength);
            } else if (state != State.TRAILER) {
                state = State.FAILED;
                return false;
            }
            record.end();
            return true;
        } catch (IOException | RuntimeException e) {
            state = State.FAILED;
            return false;
        }
    }

    private int step(byte[] bytes, int offset, int length) throws IOException {
        switch (state) {
            case HEADER -> {
                int n = Math.min(length, BLOCK - headerLength);
                System.arraycopy(bytes, offset, header, headerLength, n);
                headerLength += n;
                if (headerLength == BLOCK) {
                    headerLength = 0;
                    header();
                }
                return n;
            }
            case TRAILER -> {
                record.raw(bytes, offset, length);
                return length;
            }
            default -> {
                int n = (int) Math.min(length, state == State.PADDING ? padding : remaining);
                data(bytes, offset, n);
                return n;
            }
        }
    }

    private void data(byte[] bytes, int offset, int n) throws IOException {
        if (state == State.PADDING) {
            record.raw(bytes, offset, n);
            padding -= n;
            if (padding == 0) {
                state = State.HEADER;
            }
            return;
        }
        if (state != State.FILE_DATA) {
            record.raw(bytes, offset, n);
        }
        if (state == State.HEADER_DATA) {
            if (headerData.size() + n > HeaderRecorder.LIMIT) {
                throw new IOException("tar headers too large");
            }
            headerData.write(bytes, offset, n);
        }
        remaining -= n;
        if (remaining == 0) {
            dataDone();
        }
    }

    private void header() throws IOException {
        record.raw(header, 0, BLOCK);
        if (isZero(header)) {
            // The end of the archive: what follows is trailing bytes, kept as they are.
            state = State.TRAILER;
            return;
        }
        headerType = header[156];
        long size = TarNumbers.parse(header, 124, 12);
        switch (headerType) {
            case 'x', 'g', 'L' -> {
                headerData.reset();
                expect(State.HEADER_DATA, size);
            }
            case 'S', 'M' -> throw new IOException("unsupported tar entry type " + (char) headerType);
            default -> entry(size);
        }
    }

    private void entry(long headerSize) throws IOException {
        long size = paxSize >= 0 ? paxSize : headerSize;
        String name = paxPath != null ? paxPath : longName != null ? longName : ustarName();
        paxPath = null;
        paxSize = -1;
        longName = null;
        boolean regular = headerType == '0' || headerType == 0 || headerType == '7';
        if (regular && !name.endsWith("/")) {
            record.file(LayerPaths.normalise(name, name), size);
            expect(State.FILE_DATA, size);
        } else {
            if (headerType == '1') {
                record.link(LayerPaths.normalise(name, name));
            }
            expect(State.RAW_DATA, size);
        }
    }

    private void expect(State data, long size) {
        if (size < 0 || size > TarLayerReader.MAX_ENTRY_SIZE) {
            throw new IllegalArgumentException("bad entry size " + size);
        }
        remaining = size;
        padding = (BLOCK - size % BLOCK) % BLOCK;
        state = data;
        if (size == 0) {
            dataDone();
        }
    }

    private void dataDone() {
        if (state == State.HEADER_DATA) {
            headerData(headerData.toByteArray());
        }
        state = padding > 0 ? State.PADDING : State.HEADER;
    }

    private void headerData(byte[] data) {
        if (headerType == 'L') {
            longName = cString(data, 0, data.length, StandardCharsets.UTF_8);
            return;
        }
        Map<String, byte[]> records = PaxRecords.parse(data, 0, data.length);
        if (records.keySet().stream().anyMatch(k -> k.startsWith("GNU.sparse"))) {
            throw new IllegalArgumentException("sparse entries are not recorded");
        }
        if (headerType == 'g') {
            if (records.containsKey("path") || records.containsKey("size")) {
                throw new IllegalArgumentException("global pax paths and sizes are not recorded");
            }
            return;
        }
        if (records.containsKey("path")) {
            paxPath = new String(records.get("path"), StandardCharsets.UTF_8);
        }
        if (records.containsKey("size")) {
            paxSize = Long.parseLong(new String(records.get("size"), StandardCharsets.US_ASCII).trim());
        }
    }

    /** The name field, behind the ustar prefix when there is one (ustar, or star's shorter prefix). */
    private String ustarName() {
        Charset charset = Charset.defaultCharset();
        String name = cString(header, 0, 100, charset);
        boolean ustar = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
                && header[261] == 'r' && header[262] == 0;
        if (!ustar) {
            return name;
        }
        boolean xstar = header[508] == 't' && header[509] == 'a' && header[510] == 'r' && header[511] == 0;
        String prefix = cString(header, 345, xstar ? 131 : 155, charset);
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String cString(byte[] bytes, int offset, int length, Charset charset) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, charset);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}

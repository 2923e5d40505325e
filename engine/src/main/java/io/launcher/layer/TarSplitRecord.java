package io.launcher.layer;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The tar-split record of a layer: every byte of its uncompressed tar stream except the contents
 * of regular files, which are named (layer path and size) instead. Headers, padding and trailing
 * blocks are kept verbatim, so the record plus the files give back the exact original stream.
 * Format: a magic, then segments {@code 'R' len bytes}, {@code 'F' len path size} and
 * {@code 'L' len path}, then {@code 'E'}.
 */
public final class TarSplitRecord {
    private static final int MAGIC = 0x4c545331;
    private static final int RAW = 'R';
    private static final int FILE = 'F';
    private static final int LINK = 'L';
    private static final int END = 'E';
    /** Longest path a record may name: a corrupt record must not fill the heap. */
    private static final int MAX_PATH = 1 << 16;

    private TarSplitRecord() {
    }

    /** One piece of the original stream. */
    public sealed interface Segment {
    }

    /** Bytes of the stream as they were. */
    public record Raw(byte[] bytes) implements Segment {
    }

    /** The content of the regular file at {@code path} (a layer path), {@code size} bytes. */
    public record File(String path, long size) implements Segment {
    }

    /**
     * The name of a hard link entry (its header is in a raw segment): the storage driver may hold
     * the linked content under this name rather than the regular file's, so it is worth keeping.
     */
    public record Link(String path) implements Segment {
    }

    /** Encodes segments; raw bytes are coalesced into segments of up to 64 KiB. */
    static final class Writer {
        private final DataOutputStream out;
        private final byte[] pending = new byte[1 << 16];
        private int pendingLength;

        Writer(OutputStream out) throws IOException {
            this.out = new DataOutputStream(out);
            this.out.writeInt(MAGIC);
        }

        void raw(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                int n = Math.min(length, pending.length - pendingLength);
                System.arraycopy(bytes, offset, pending, pendingLength, n);
                pendingLength += n;
                offset += n;
                length -= n;
                if (pendingLength == pending.length) {
                    flushRaw();
                }
            }
        }

        void file(String path, long size) throws IOException {
            flushRaw();
            byte[] name = path.getBytes(StandardCharsets.UTF_8);
            out.writeByte(FILE);
            out.writeInt(name.length);
            out.write(name);
            out.writeLong(size);
        }

        void link(String path) throws IOException {
            flushRaw();
            byte[] name = path.getBytes(StandardCharsets.UTF_8);
            out.writeByte(LINK);
            out.writeInt(name.length);
            out.write(name);
        }

        void end() throws IOException {
            flushRaw();
            out.writeByte(END);
            out.flush();
        }

        private void flushRaw() throws IOException {
            if (pendingLength > 0) {
                out.writeByte(RAW);
                out.writeInt(pendingLength);
                out.write(pending, 0, pendingLength);
                pendingLength = 0;
            }
        }
    }

    /** Decodes segments; a malformed or truncated record is an {@link IOException}. */
    public static final class Reader {
        private final DataInputStream in;
        private boolean ended;

        public Reader(InputStream in) throws IOException {
            this.in = new DataInputStream(in);
            if (this.in.readInt() != MAGIC) {
                throw new IOException("not a tar-split record");
            }
        }

        /** The next segment; empty once the end marker is read. */
        public Optional<Segment> next() throws IOException {
            if (ended) {
                return Optional.empty();
            }
            int type = in.read();
            switch (type) {
                case RAW -> {
                    return Optional.of(new Raw(in.readNBytes(length(1 << 16))));
                }
                case FILE -> {
                    String path = new String(in.readNBytes(length(MAX_PATH)), StandardCharsets.UTF_8);
                    long size = in.readLong();
                    if (size < 0) {
                        throw new IOException("corrupt tar-split record: negative size");
                    }
                    return Optional.of(new File(path, size));
                }
                case LINK -> {
                    return Optional.of(new Link(new String(in.readNBytes(length(MAX_PATH)), StandardCharsets.UTF_8)));
                }
                case END -> {
                    ended = true;
                    return Optional.empty();
                }
                case -1 -> throw new EOFException("truncated tar-split record");
                default -> throw new IOException("corrupt tar-split record: segment type " + type);
            }
        }

        private int length(int max) throws IOException {
            int length = in.readInt();
            if (length < 0 || length > max) {
                throw new IOException("corrupt tar-split record: length " + length);
            }
            return length;
        }
    }
}

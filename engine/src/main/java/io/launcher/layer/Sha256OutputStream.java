package io.launcher.layer;

import io.launcher.api.Digest;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Digests and counts every byte written through it. */
final class Sha256OutputStream extends FilterOutputStream {
    private final MessageDigest sha256;
    private long count;
    private Digest digest;

    Sha256OutputStream(OutputStream out) {
        this(out, true);
    }

    /** {@code digested} false: counts only, and {@link #digest()} is refused. */
    Sha256OutputStream(OutputStream out, boolean digested) {
        super(out);
        this.sha256 = digested ? Sha256InputStream.newSha256() : null;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        if (sha256 != null) {
            sha256.update((byte) b);
        }
        count++;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        out.write(buffer, offset, length);
        if (sha256 != null) {
            sha256.update(buffer, offset, length);
        }
        count += length;
    }

    /** Passes a file's bytes on to a {@link FileSink} below; only an undigested stream can. */
    long transferFrom(FileChannel file, long position, long length) throws IOException {
        if (sha256 != null || !(out instanceof FileSink sink)) {
            throw new IllegalStateException("this stream cannot pass a file on undigested");
        }
        long sent = sink.transferFrom(file, position, length);
        count += sent;
        return sent;
    }

    /** Whether {@link #transferFrom} may be used. */
    boolean sendsFiles() {
        return sha256 == null && out instanceof FileSink;
    }

    long count() {
        return count;
    }

    /** Ends the digest on first call; later calls return the same value. */
    Digest digest() {
        if (sha256 == null) {
            throw new IllegalStateException("this stream was not digested");
        }
        if (digest == null) {
            digest = Digest.sha256(HexFormat.of().formatHex(sha256.digest()));
        }
        return digest;
    }
}

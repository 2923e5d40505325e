package io.launcher.layer;

import io.launcher.api.Digest;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Digests and counts every byte read through it: the OCI diff id of an uncompressed layer. */
final class Sha256InputStream extends ObservedInputStream {
    private final MessageDigest sha256 = newSha256();
    private long count;
    private Digest digest;

    Sha256InputStream(InputStream in) {
        super(in);
    }

    @Override
    protected void observe(byte[] buffer, int offset, int length) {
        sha256.update(buffer, offset, length);
        count += length;
    }

    long count() {
        return count;
    }

    /** Ends the digest on first call; later calls return the same value. */
    Digest digest() {
        if (digest == null) {
            digest = Digest.sha256(HexFormat.of().formatHex(sha256.digest()));
        }
        return digest;
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}

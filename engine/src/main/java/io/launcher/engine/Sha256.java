package io.launcher.engine;

import io.launcher.api.Digest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** sha256 digests of metadata: image ids of config bytes, chain ids of layer stacks. */
final class Sha256 {
    private Sha256() {
    }

    static Digest of(byte[] bytes) {
        try {
            return Digest.sha256(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The OCI chain id: the diff id for a base layer, else sha256(parentChain + " " + diffId). */
    static Digest chain(Digest parentChain, Digest diffId) {
        return parentChain == null ? diffId : of((parentChain + " " + diffId).getBytes(StandardCharsets.UTF_8));
    }
}

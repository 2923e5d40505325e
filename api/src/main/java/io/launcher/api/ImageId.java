package io.launcher.api;

/** An image's identity: the digest of its configuration. */
public record ImageId(Digest digest) {

    public static ImageId parse(String text) {
        return new ImageId(Digest.parse(text));
    }

    /** The 12 hex digits Docker prints in tables. */
    public String shortId() {
        return digest.hex().substring(0, 12);
    }

    @Override
    public String toString() {
        return digest.toString();
    }
}

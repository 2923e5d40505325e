package io.launcher.api;

/** One line of {@code rmi}'s answer: a tag removed, or an image or layer deleted (Docker's records). */
public record ImageDeletion(Kind kind, String name) {

    public enum Kind { UNTAGGED, DELETED }

    public static ImageDeletion untagged(String reference) {
        return new ImageDeletion(Kind.UNTAGGED, reference);
    }

    public static ImageDeletion deleted(String digest) {
        return new ImageDeletion(Kind.DELETED, digest);
    }

    /** As the docker CLI prints it: {@code Untagged: base:latest}, {@code Deleted: sha256:...}. */
    @Override
    public String toString() {
        return (kind == Kind.UNTAGGED ? "Untagged: " : "Deleted: ") + name;
    }
}

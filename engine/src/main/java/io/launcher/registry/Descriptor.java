package io.launcher.registry;

import io.launcher.api.Digest;

/** An OCI content descriptor: what a manifest says of a blob (its media type, digest and size). */
public record Descriptor(String mediaType, Digest digest, long size) {
}

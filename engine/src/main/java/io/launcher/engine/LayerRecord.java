package io.launcher.engine;

/**
 * A committed layer as the engine knows it: its diff id (sha256 of the uncompressed tar), chain
 * id (which names its snapshot), the parent's chain id ("" for a base layer) and its size.
 */
record LayerRecord(String diffId, String chainId, String parentChainId, long size) {
}

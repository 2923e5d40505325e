/**
 * A client of the OCI distribution protocol (registry API v2): references as Docker parses them,
 * manifests and indexes, blobs verified against their digests, token and basic auth. No engine
 * policy here: what to store and when is {@code io.launcher.engine}'s business.
 */
package io.launcher.registry;

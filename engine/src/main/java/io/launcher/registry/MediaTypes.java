package io.launcher.registry;

import java.util.List;

/** The manifest and blob media types of Docker's v2 schema 2 and of OCI. */
public final class MediaTypes {
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    public static final String DOCKER_LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

    /** What a pull accepts, manifests before indexes so a registry that can choose sends an index. */
    public static final List<String> ACCEPTED = List.of(DOCKER_MANIFEST, DOCKER_LIST, OCI_MANIFEST, OCI_INDEX);

    private MediaTypes() {
    }

    static boolean isIndex(String mediaType) {
        return DOCKER_LIST.equals(mediaType) || OCI_INDEX.equals(mediaType);
    }
}

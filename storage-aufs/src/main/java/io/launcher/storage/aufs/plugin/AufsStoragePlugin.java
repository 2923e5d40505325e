package io.launcher.storage.aufs.plugin;

import org.pf4j.Plugin;

/** The AUFS storage plugin; its one extension is {@link AufsStorageProvider}. */
public final class AufsStoragePlugin extends Plugin {
}

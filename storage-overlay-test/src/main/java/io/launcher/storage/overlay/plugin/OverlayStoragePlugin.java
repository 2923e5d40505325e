package io.launcher.storage.overlay.plugin;

import org.pf4j.Plugin;

/** The overlay storage plugin; its one extension is {@link OverlayStorageProvider}. */
public final class OverlayStoragePlugin extends Plugin {
}

package io.launcher.backend.linux.plugin;

import org.pf4j.Plugin;

/** The PF4J plugin of the native isolation backend; its one extension is {@link NativeIsolationProvider}. */
public final class NativeIsolationPlugin extends Plugin {
}

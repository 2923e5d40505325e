package io.launcher.backend.lxc.plugin;

import org.pf4j.Plugin;

/** The PF4J plugin of the lxc isolation backend; its one extension is {@link LxcIsolationProvider}. */
public final class LxcIsolationPlugin extends Plugin {
}

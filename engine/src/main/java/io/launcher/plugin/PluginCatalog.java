package io.launcher.plugin;

import io.launcher.api.UnavailableException;
import io.launcher.engine.Providers;
import io.launcher.spi.isolation.IsolationProvider;
import io.launcher.spi.network.NetworkProvider;
import io.launcher.spi.storage.StorageProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * Loads the backend plugins of a plugins folder with PF4J, each in its own class loader, and
 * collects their extensions by kind. The launcher never names a plugin class: what a folder
 * holds is what the engine gets.
 */
public final class PluginCatalog implements AutoCloseable {
    private final PluginManager manager;

    private PluginCatalog(PluginManager manager) {
        this.manager = manager;
    }

    public static PluginCatalog load(Path pluginsDir) {
        if (!Files.isDirectory(pluginsDir)) {
            throw new UnavailableException("plugins folder " + pluginsDir + " does not exist");
        }
        PluginManager manager = new DefaultPluginManager(pluginsDir);
        manager.loadPlugins();
        manager.startPlugins();
        return new PluginCatalog(manager);
    }

    public Providers providers() {
        return new Providers(manager.getExtensions(IsolationProvider.class),
                manager.getExtensions(StorageProvider.class),
                manager.getExtensions(NetworkProvider.class));
    }

    /** The ids of the plugins that loaded, e.g. {@code native}, {@code overlay}. */
    public List<String> pluginIds() {
        return manager.getPlugins().stream().map(PluginWrapper::getPluginId).sorted().toList();
    }

    @Override
    public void close() {
        manager.stopPlugins();
        manager.unloadPlugins();
    }
}

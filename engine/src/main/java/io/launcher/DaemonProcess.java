package io.launcher;

import io.launcher.api.InternalException;
import io.launcher.cli.DaemonSettings;
import io.launcher.daemon.DockerApiServer;
import io.launcher.engine.EngineSettings;
import io.launcher.engine.LocalEngine;
import io.launcher.engine.RootLock;
import io.launcher.plugin.PluginCatalog;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code launcher daemon}: loads the plugins, opens the engine on the state root and serves the
 * Docker Engine API until SIGTERM or SIGINT. Stopping the daemon leaves containers running: a
 * restarted daemon re-adopts them.
 */
final class DaemonProcess {
    private static final Logger LOG = LoggerFactory.getLogger(DaemonProcess.class);

    private DaemonProcess() {
    }

    static int run(DaemonSettings settings) {
        PluginCatalog plugins = PluginCatalog.load(settings.plugins());
        LOG.info("plugins found in {}: {}", settings.plugins(), plugins.pluginIds());
        EngineSettings engineSettings = new EngineSettings(settings.root(), settings.plugins(),
                Optional.of(settings.backend()), settings.storage(), settings.insecureRegistries(), settings.minFreeSpace());
        RootLock rootLock = RootLock.acquire(settings.root());
        LocalEngine engine = LocalEngine.open(engineSettings, plugins.providers());
        CountDownLatch stopped = new CountDownLatch(1);
        try (DockerApiServer server = new DockerApiServer(engine, settings.socket())) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    engine.close();
                    server.close();
                    rootLock.close();
                } catch (IOException e) {
                    LOG.warn("unable to close unix://{}: {}", settings.socket(), e.getMessage());
                }
                stopped.countDown();
            }, "daemon-shutdown"));
            var info = engine.info();
            LOG.info("engine ready on unix://{} (isolation {}, storage {}, network {})", server.socket(),
                    info.isolationBackend(), info.storageDriver(), info.networkDriver().isEmpty() ? "none" : info.networkDriver());
            stopped.await();
        } catch (IOException e) {
            throw new InternalException("unable to serve unix://" + settings.socket() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}

package io.launcher.daemon;

import io.launcher.api.Engine;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.LauncherException;
import io.launcher.api.ProgressListener;
import io.launcher.http.Headers;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** {@code docker save} and {@code docker load}: image archives in and out. */
final class ImageArchiveRoutes {
    private final Engine engine;

    ImageArchiveRoutes(Engine engine) {
        this.engine = engine;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", "/images/get", request -> save(request, request.query().all("names"))),
                Route.of("GET", "/images/(.+)/get", request -> save(request, List.of(request.param(0)))),
                Route.of("POST", "/images/load", this::load));
    }

    /**
     * Every name is resolved before the head goes out, and the head waits for the archive's
     * first byte (the layers are spooled before it): a wrong name gets its 404, a save the disk
     * reserve stops its error, not a cut tar.
     */
    private void save(ApiRequest request, List<String> names) throws IOException {
        if (names.isEmpty()) {
            throw new InvalidSpecException("nothing to save: give at least one image in names");
        }
        for (String name : names) {
            engine.image(name);
        }
        try (OutputStream out = new BufferedOutputStream(new HeldResponse(() -> request.exchange().stream(200,
                Headers.of("Content-Type", "application/x-tar"))), 1 << 20)) {
            engine.saveImages(names, out);
        }
    }

    /** Docker's JSON stream: layer progress unless quiet, then one "Loaded image" line per image. */
    private void load(ApiRequest request) throws IOException {
        RegistryProgressStream stream = new RegistryProgressStream(request);
        ProgressListener progress = request.query().flag("quiet") ? ProgressListener.NONE : stream;
        try (InputStream archive = request.exchange().body()) {
            for (String line : engine.loadImages(archive, progress)) {
                stream.text(line);
            }
            stream.done();
        } catch (LauncherException e) {
            if (!stream.failed(e)) {
                throw e;
            }
        }
    }
}

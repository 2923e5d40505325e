package io.launcher.daemon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.launcher.api.Engine;
import io.launcher.api.ImageDetails;
import io.launcher.api.ImageId;
import io.launcher.api.ImageReference;
import io.launcher.api.ImportRequest;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.LauncherException;
import io.launcher.http.Query;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Image import, list and inspect. */
final class ImageRoutes {
    private final Engine engine;
    private final Supplier<String> storageDriver;

    ImageRoutes(Engine engine, Supplier<String> storageDriver) {
        this.engine = engine;
        this.storageDriver = storageDriver;
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", "/images/create", this::create),
                Route.of("GET", "/images/json", this::list),
                // Names hold slashes and tags (localhost:5000/a/b:t): everything between is the name.
                Route.of("GET", "/images/(.+)/json", this::inspect));
    }

    private void create(ApiRequest request) throws IOException {
        Query query = request.query();
        String source = query.get("fromSrc", "");
        if (source.isEmpty() && query.first("fromImage").isPresent()) {
            RegistryRoutes.pull(engine, request);
            return;
        }
        if (source.isEmpty()) {
            throw new InvalidSpecException("missing fromSrc: give - for the request body or a URL");
        }
        ImportRequest importRequest = new ImportRequest(tag(query), query.all("changes"), query.get("message", ""));
        ImportProgressStream progress = new ImportProgressStream(request);
        try (InputStream tarball = source.equals("-") ? request.exchange().body() : download(source)) {
            ImageId id = engine.importImage(tarball, importRequest, progress);
            progress.done(id);
        } catch (LauncherException e) {
            if (!progress.failed(e)) {
                throw e;
            }
        }
    }

    private static Optional<ImageReference> tag(Query query) {
        String repo = query.get("repo", "");
        if (repo.isEmpty()) {
            return Optional.empty();
        }
        String tag = query.get("tag", "");
        return Optional.of(ImageReference.parse(tag.isEmpty() ? repo : repo + ":" + tag));
    }

    /** {@code docker import URL}: the daemon fetches the tarball, as dockerd does. */
    private static InputStream download(String url) throws IOException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException("invalid import source " + url + ": not - or a URL", e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new InvalidSpecException("invalid import source " + url + ": not - or an http(s) URL");
        }
        // HttpURLConnection (java.base) follows same-protocol redirects itself.
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        int status = connection.getResponseCode();
        if (status != 200) {
            connection.disconnect();
            throw new InvalidSpecException("unable to download " + url + ": status " + status);
        }
        return connection.getInputStream();
    }

    private void list(ApiRequest request) throws IOException {
        ArrayNode array = DockerMapper.MAPPER.createArrayNode();
        for (ImageDetails image : engine.images()) {
            array.add(ImageJson.summary(image));
        }
        request.json(200, array);
    }

    private void inspect(ApiRequest request) throws IOException {
        request.json(200, ImageJson.inspect(engine.image(request.param(0)), storageDriver.get()));
    }
}

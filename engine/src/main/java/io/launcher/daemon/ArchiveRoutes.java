package io.launcher.daemon;

import io.launcher.api.Engine;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.PathStat;
import io.launcher.http.Headers;
import io.launcher.http.Query;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code docker cp}'s three calls on {@code /containers/{id}/archive}: HEAD stats a path, GET
 * reads it as a tar, PUT extracts a tar into a directory. The PUT body arrives chunked and with
 * whatever content type the client chose (docker-java's is not a MIME type): it is not checked.
 */
final class ArchiveRoutes {
    private final Engine engine;

    ArchiveRoutes(Engine engine) {
        this.engine = engine;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", "/containers/([^/]+)/archive", this::read),
                Route.of("PUT", "/containers/([^/]+)/archive", this::extract));
    }

    /** HEAD arrives here too (the router answers HEAD as GET): the stat header, then no body. */
    private void read(ApiRequest request) throws IOException {
        String container = request.param(0);
        String path = path(request.query());
        PathStat stat = engine.statPath(container, path);
        Headers headers = Headers.of("Content-Type", "application/x-tar");
        headers.set(PathStatJson.HEADER, PathStatJson.encode(stat));
        if (request.exchange().method().equals("HEAD")) {
            request.exchange().respond(200, headers, new byte[0]);
            return;
        }
        try (OutputStream out = new BufferedOutputStream(request.exchange().stream(200, headers), 1 << 16)) {
            engine.archivePath(container, path, out);
        }
    }

    private void extract(ApiRequest request) throws IOException {
        Query query = request.query();
        engine.extractArchive(request.param(0), path(query), request.exchange().body(), query.flag("copyUIDGID"),
                query.flag("noOverwriteDirNonDir"));
        request.noContent(200);
    }

    private static String path(Query query) {
        String path = query.get("path", "");
        if (path.isEmpty()) {
            throw new InvalidSpecException("path cannot be empty");
        }
        return path;
    }
}

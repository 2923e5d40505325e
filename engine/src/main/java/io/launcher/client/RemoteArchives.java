package io.launcher.client;

import io.launcher.api.InternalException;
import io.launcher.api.LauncherException;
import io.launcher.api.PathStat;
import io.launcher.daemon.PathStatJson;
import io.launcher.http.Headers;
import io.launcher.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/** The file-copy half of {@link RemoteEngine}: {@code /containers/{id}/archive} as the docker CLI calls it. */
final class RemoteArchives {
    private final Path socket;

    RemoteArchives(Path socket) {
        this.socket = socket;
    }

    PathStat stat(String container, String path) {
        HttpResponse response;
        try (EngineConnection call = EngineConnection.open(socket)) {
            response = call.send("HEAD", target(container, path), null, new Headers());
        } catch (LauncherException e) {
            // A HEAD answer has no body, so no message: a failed GET (no tar follows a failure) has one.
            try (EngineConnection call = EngineConnection.open(socket)) {
                response = call.send("GET", target(container, path), null, new Headers());
            }
        }
        return PathStatJson.decode(response.headers().first(PathStatJson.HEADER).orElseThrow(
                () -> new InternalException("the engine sent no " + PathStatJson.HEADER + " header")));
    }

    void archive(String container, String path, OutputStream out) throws IOException {
        try (EngineConnection call = EngineConnection.open(socket)) {
            call.send("GET", target(container, path), null, new Headers()).body().transferTo(out);
        }
    }

    void extract(String container, String path, InputStream tar, boolean copyOwners, boolean noOverwriteDirNonDir) {
        ApiTarget target = target(container, path).param("copyUIDGID", copyOwners)
                .param("noOverwriteDirNonDir", noOverwriteDirNonDir);
        try (EngineConnection call = EngineConnection.open(socket)) {
            call.sendStreaming("PUT", target, tar, Headers.of("Content-Type", "application/x-tar")).body()
                    .transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw EngineConnection.unreachable(socket, e);
        }
    }

    private static ApiTarget target(String container, String path) {
        return ApiTarget.of("containers", container, "archive").param("path", path);
    }
}

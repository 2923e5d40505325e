package io.launcher.daemon;

import io.launcher.api.CommitRequest;
import io.launcher.api.Engine;
import io.launcher.api.ImageId;
import io.launcher.api.ImageReference;
import io.launcher.api.InvalidSpecException;
import io.launcher.http.Headers;
import io.launcher.http.Query;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/** What moves filesystems and names around: commit, changes, export, history, tag, image removal. */
final class LayerRoutes {
    private final Engine engine;

    LayerRoutes(Engine engine) {
        this.engine = engine;
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", "/commit", this::commit),
                Route.of("GET", "/containers/([^/]+)/changes", this::changes),
                Route.of("GET", "/containers/([^/]+)/export", this::export),
                Route.of("GET", "/images/(.+)/history", this::history),
                Route.of("POST", "/images/(.+)/tag", this::tag),
                Route.of("DELETE", "/images/(.+)", this::remove));
    }

    private void commit(ApiRequest request) throws IOException {
        Query query = request.query();
        String container = query.get("container", "");
        if (container.isEmpty()) {
            throw new InvalidSpecException("missing container: give the container to commit");
        }
        CommitRequest commit = new CommitRequest(reference(query), query.get("comment", ""), query.get("author", ""),
                query.all("changes"), query.first("pause").map(p -> query.flag("pause")).orElse(true));
        ImageId id = engine.commit(container, commit);
        request.json(201, DockerJson.object().put("Id", id.toString()));
    }

    /** {@code repo} and {@code tag} as the docker CLI sends them; a repo without tag means latest. */
    private static Optional<ImageReference> reference(Query query) {
        String repo = query.get("repo", "");
        if (repo.isEmpty()) {
            return Optional.empty();
        }
        String tag = query.get("tag", "");
        return Optional.of(new ImageReference(repo, tag.isEmpty() ? "latest" : tag));
    }

    private void changes(ApiRequest request) throws IOException {
        request.json(200, LayerJson.changes(engine.changes(request.param(0))));
    }

    /** Looks the container up first: once the tar begins, a failure can only cut the stream. */
    private void export(ApiRequest request) throws IOException {
        engine.container(request.param(0));
        try (OutputStream out = new TarBody(request.exchange().streamFiles(200,
                Headers.of("Content-Type", "application/x-tar")))) {
            engine.export(request.param(0), out);
        }
    }

    private void history(ApiRequest request) throws IOException {
        request.json(200, LayerJson.history(engine.history(request.param(0))));
    }

    private void tag(ApiRequest request) throws IOException {
        Optional<ImageReference> target = reference(request.query());
        if (target.isEmpty()) {
            throw new InvalidSpecException("missing repo: give the tag's repository");
        }
        engine.tag(request.param(0), target.get());
        request.noContent(201);
    }

    private void remove(ApiRequest request) throws IOException {
        request.json(200, LayerJson.deletions(engine.removeImage(request.param(0), request.query().flag("force"))));
    }
}

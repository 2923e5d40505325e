package io.launcher.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.Engine;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.LauncherException;
import io.launcher.api.RegistryCredentials;
import io.launcher.http.Query;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Pull ({@code POST /images/create?fromImage=}), push ({@code POST /images/{name}/push}) and
 * {@code POST /auth}. Credentials come as Docker sends them: base64 JSON in {@code X-Registry-Auth}.
 */
final class RegistryRoutes {
    static final String AUTH_HEADER = "X-Registry-Auth";

    private final Engine engine;

    RegistryRoutes(Engine engine) {
        this.engine = engine;
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", "/images/(.+)/push", this::push),
                Route.of("POST", "/auth", this::auth));
    }

    /** {@code images/create?fromImage=busybox&tag=latest[&platform=linux/amd64]}. */
    static void pull(Engine engine, ApiRequest request) throws IOException {
        Query query = request.query();
        String image = query.get("fromImage", "");
        String tag = query.get("tag", "");
        String reference = tag.isEmpty() || image.contains("@") ? image
                : image + (tag.startsWith("sha256:") ? "@" : ":") + tag;
        Optional<String> platform = query.first("platform").filter(p -> !p.isBlank());
        RegistryProgressStream progress = new RegistryProgressStream(request);
        try {
            progress.aux(engine.pull(reference, platform, credentials(request), progress));
            progress.done();
        } catch (LauncherException e) {
            if (!progress.failed(e)) {
                throw e;
            }
        }
    }

    private void push(ApiRequest request) throws IOException {
        String name = request.param(0);
        String tag = request.query().get("tag", "");
        String reference = tag.isEmpty() ? name : name + ":" + tag;
        RegistryProgressStream progress = new RegistryProgressStream(request);
        try {
            engine.push(reference, credentials(request), progress);
            progress.done();
        } catch (LauncherException e) {
            if (!progress.failed(e)) {
                throw e;
            }
        }
    }

    private void auth(ApiRequest request) throws IOException {
        JsonNode body = request.jsonBody();
        RegistryCredentials credentials = new RegistryCredentials(DockerJson.text(body, "username"),
                DockerJson.text(body, "password"));
        engine.login(DockerJson.text(body, "serveraddress"), credentials);
        request.json(200, DockerJson.object().put("Status", "Login Succeeded").put("IdentityToken", ""));
    }

    static Optional<RegistryCredentials> credentials(ApiRequest request) {
        Optional<String> header = request.exchange().requestHeaders().first(AUTH_HEADER).filter(h -> !h.isBlank());
        if (header.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = header.get().strip().replace('-', '+').replace('_', '/');
            byte[] json = Base64.getMimeDecoder().decode(text);
            JsonNode node = DockerMapper.MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                return Optional.empty();
            }
            String token = DockerJson.text(node, "identitytoken");
            RegistryCredentials credentials = token.isEmpty()
                    ? new RegistryCredentials(DockerJson.text(node, "username"), DockerJson.text(node, "password"))
                    : new RegistryCredentials("<token>", token);
            return credentials.isEmpty() ? Optional.empty() : Optional.of(credentials);
        } catch (IllegalArgumentException | IOException e) {
            throw new InvalidSpecException("invalid X-Registry-Auth header: " + e.getMessage());
        }
    }
}

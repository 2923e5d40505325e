package io.launcher.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.ImageId;
import io.launcher.api.InternalException;
import io.launcher.api.ProgressListener;
import io.launcher.api.RegistryCredentials;
import io.launcher.daemon.DockerJson;
import io.launcher.daemon.JsonTrees;
import io.launcher.http.Headers;
import io.launcher.http.HttpResponse;
import io.launcher.registry.RegistryReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/** The registry half of {@link RemoteEngine}: pull, push and login through the daemon, credentials in X-Registry-Auth. */
final class RemoteRegistry {
    private final Path socket;

    RemoteRegistry(Path socket) {
        this.socket = socket;
    }

    ImageId pull(String reference, Optional<String> platform, Optional<RegistryCredentials> credentials,
             ProgressListener progress) {
        RegistryReference parsed = RegistryReference.parse(reference);
        ApiTarget target = ApiTarget.of("images", "create").param("fromImage", parsed.domain() + "/" + parsed.path())
                .param("tag", parsed.manifestReference());
        platform.ifPresent(p -> target.param("platform", p));
        try (EngineConnection call = EngineConnection.open(socket)) {
            HttpResponse response = call.send("POST", target, null, registryAuth(credentials, parsed.domain()));
            String id = RegistryProgressReader.read(response.body(), progress);
            if (id == null || id.isEmpty()) {
                throw new InternalException("the pull of " + reference + " ended without an image id");
            }
            return ImageId.parse(id);
        } catch (IOException e) {
            throw EngineConnection.unreachable(socket, e);
        }
    }

    void push(String reference, Optional<RegistryCredentials> credentials, ProgressListener progress) {
        RegistryReference parsed = RegistryReference.parse(reference);
        ApiTarget target = ApiTarget.of("images").segment(parsed.familiarRepository()).segment("push")
                .param("tag", parsed.tag());
        try (EngineConnection call = EngineConnection.open(socket)) {
            HttpResponse response = call.send("POST", target, null, registryAuth(credentials, parsed.domain()));
            RegistryProgressReader.read(response.body(), progress);
        } catch (IOException e) {
            throw EngineConnection.unreachable(socket, e);
        }
    }

    void login(String registry, RegistryCredentials credentials) {
        JsonNode body = DockerJson.object().put("username", credentials.username())
                .put("password", credentials.password()).put("serveraddress", registry);
        try (EngineConnection call = EngineConnection.open(socket)) {
            call.json("POST", ApiTarget.of("auth"), body);
        }
    }

    /** Docker's X-Registry-Auth: base64url JSON of the credentials; absent when there are none. */
    private static Headers registryAuth(Optional<RegistryCredentials> credentials, String server) {
        if (credentials.isEmpty() || credentials.get().isEmpty()) {
            return new Headers();
        }
        byte[] json = JsonTrees.bytes(DockerJson.object()
                .put("username", credentials.get().username()).put("password", credentials.get().password())
                .put("serveraddress", server));
        return Headers.of("X-Registry-Auth", Base64.getUrlEncoder().encodeToString(json));
    }
}

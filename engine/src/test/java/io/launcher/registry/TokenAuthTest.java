package io.launcher.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.Digest;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.RegistryCredentials;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The token flow Docker Hub uses, against a loopback stub: 401 with a Bearer challenge, a token
 * fetched from the realm with basic credentials, the retry with the token; and a blob redirect to
 * another host that must not see the token.
 */
class TokenAuthTest {
    private static final byte[] CONFIG = "{\"rootfs\":{\"diff_ids\":[]}}".getBytes(StandardCharsets.UTF_8);
    private static final Digest CONFIG_DIGEST = RegistryClient.sha256(CONFIG);
    private static final String GOOD = "Basic " + Base64.getEncoder().encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8));

    private StubRegistry stub;

    @BeforeEach
    void start() throws Exception {
        stub = new StubRegistry(this::answer);
    }

    @AfterEach
    void stop() throws Exception {
        stub.close();
    }

    private StubRegistry.Reply answer(StubRegistry.Request request) {
        String challenge = "Bearer realm=\"http://127.0.0.1:" + stub.port() + "/token\",service=\"stub\"";
        String target = request.target();
        if (target.startsWith("/token")) {
            return request.header("Authorization").equals(GOOD)
                    ? StubRegistry.Reply.of(200, "{\"token\":\"T1\"}", "Content-Type", "application/json")
                    : StubRegistry.Reply.of(401, "{}");
        }
        if (target.equals("/storage/config")) {
            // Blob storage on another host must never see the registry's token.
            return request.header("Authorization").isEmpty()
                    ? new StubRegistry.Reply(200, java.util.Map.of(), CONFIG) : StubRegistry.Reply.of(400, "leaked");
        }
        if (!request.header("Authorization").equals("Bearer T1")) {
            return StubRegistry.Reply.of(401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}",
                    "WWW-Authenticate", challenge + (target.equals("/v2/") ? "" : ",scope=\"repository:app:pull\""));
        }
        if (target.equals("/v2/")) {
            return StubRegistry.Reply.of(200, "{}");
        }
        if (target.equals("/v2/app/manifests/1")) {
            return StubRegistry.Reply.of(200, "{\"schemaVersion\":2,\"config\":{\"size\":" + CONFIG.length + ",\"digest\":\""
                    + CONFIG_DIGEST + "\"},\"layers\":[]}", "Content-Type", MediaTypes.DOCKER_MANIFEST);
        }
        if (target.equals("/v2/app/blobs/" + CONFIG_DIGEST)) {
            return StubRegistry.Reply.of(307, "", "Location", "http://localhost:" + stub.port() + "/storage/config");
        }
        return StubRegistry.Reply.of(404, "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\",\"message\":\"blob unknown\"}]}");
    }

    private RegistryClient client(Optional<RegistryCredentials> credentials) {
        return RegistryClient.connect(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
                "127.0.0.1:" + stub.port(), true, credentials, 1 << 20);
    }

    @Test
    void tokenFlowThenRedirectWithoutTheToken() throws Exception {
        RegistryClient client = client(Optional.of(new RegistryCredentials("alice", "pw")));
        client.check();
        RegistryClient.Fetched fetched = client.manifest("app", "1");
        Manifest.Image image = (Manifest.Image) fetched.manifest();
        assertEquals(MediaTypes.DOCKER_MANIFEST, fetched.mediaType());
        assertArrayEquals(CONFIG, client.smallBlob("app", image.config()));
        assertTrue(stub.requests.stream().anyMatch(r -> r.target().startsWith("/token?service=stub&scope=repository%3Aapp%3Apull")),
                stub.requests.toString());
        assertTrue(stub.requests.stream().noneMatch(r -> r.target().equals("/storage/config") && !r.header("Authorization").isEmpty()));
    }

    @Test
    void wrongPasswordIsRefusedAtTheTokenService() {
        RegistryClient client = client(Optional.of(new RegistryCredentials("alice", "nope")));
        FailedPreconditionException e = assertThrows(FailedPreconditionException.class, client::check);
        assertEquals("unauthorized: incorrect username or password", e.getMessage());
    }
}

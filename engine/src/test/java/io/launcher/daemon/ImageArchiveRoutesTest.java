package io.launcher.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.NotFoundException;
import io.launcher.api.ProgressListener;
import io.launcher.client.RemoteEngine;
import io.launcher.http.Headers;
import io.launcher.http.HttpClientConnection;
import io.launcher.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** save and load over the socket in Docker's shapes, raw and through RemoteEngine. */
class ImageArchiveRoutesTest {
    private final FakeEngine engine = new FakeEngine();
    @RegisterExtension
    final ApiServerExtension api = new ApiServerExtension(engine);

    private HttpResponse call(HttpClientConnection connection, String method, String target, String body) throws IOException {
        return connection.request(method, target, Headers.of("Content-Type", "application/x-tar"), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void saveStreamsTheArchiveForOneOrManyNamesAndAMissingNameIs404() throws IOException {
        try (HttpClientConnection connection = api.connect()) {
            HttpResponse many = call(connection, "GET", "/v1.47/images/get?names=base&names=base:latest", "");
            assertEquals(200, many.status());
            assertEquals("archive of base,base:latest", many.bodyText());
        }
        try (HttpClientConnection connection = api.connect()) {
            assertEquals("archive of base", call(connection, "GET", "/images/base/get", "").bodyText());
        }
        try (HttpClientConnection connection = api.connect()) {
            assertEquals(404, call(connection, "GET", "/images/get?names=base&names=nope", "").status());
        }
        try (HttpClientConnection connection = api.connect()) {
            assertEquals(400, call(connection, "GET", "/images/get", "").status());
        }
    }

    @Test
    void loadAnswersDockersJsonStreamAndQuietDropsTheProgress() throws IOException {
        try (HttpClientConnection connection = api.connect()) {
            String body = call(connection, "POST", "/images/load", "12345").bodyText();
            List<String> lines = body.lines().toList();
            assertEquals(2, lines.size(), body);
            assertTrue(lines.get(0).contains("\"status\":\"Loading layer\"") && lines.get(0).contains("\"id\":\"0123456789ab\""), body);
            assertEquals("{\"stream\":\"Loaded image: loaded:5\\n\"}", lines.get(1));
        }
        try (HttpClientConnection connection = api.connect()) {
            assertEquals("{\"stream\":\"Loaded image: loaded:3\\n\"}\n", call(connection, "POST", "/images/load?quiet=1", "abc").bodyText());
        }
    }

    @Test
    void remoteEngineSavesAndLoads() throws IOException {
        RemoteEngine remote = RemoteEngine.connect(api.socket());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        remote.saveImages(List.of("base"), out);
        assertEquals("archive of base", out.toString(StandardCharsets.UTF_8));
        assertThrows(NotFoundException.class, () -> remote.saveImages(List.of("nope"), new ByteArrayOutputStream()));
        List<String> statuses = new ArrayList<>();
        ProgressListener progress = (what, current, total) -> statuses.add(what);
        assertEquals(List.of("Loaded image: loaded:4"), remote.loadImages(new ByteArrayInputStream(new byte[4]), progress));
        assertEquals(List.of("Loading layer"), statuses);
    }
}

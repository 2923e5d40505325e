package io.launcher.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.ExitStatus;
import io.launcher.daemon.ApiServerExtension.Answer;
import io.launcher.http.Headers;
import io.launcher.http.HttpClientConnection;
import io.launcher.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stdin on attach, exec create/start/inspect/resize, container resize and rename, over the socket. */
class TerminalRoutesTest {
    private static final Headers UPGRADE = Headers.of("Connection", "Upgrade", "Upgrade", "tcp");

    private final FakeEngine engine = new FakeEngine();
    @RegisterExtension
    final ApiServerExtension api = new ApiServerExtension(engine);

    private void running(String name, String body) throws IOException {
        assertEquals(201, api.call("POST", "/containers/create?name=" + name, body).status());
        engine.start(name);
    }

    private String id(String name) {
        return engine.container(name).id().value();
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }

    private static byte[] frame(int stream, String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(LogFrames.header(stream, data.length));
        out.writeBytes(data);
        return out.toByteArray();
    }

    @Test
    void attachedStdinReachesTheContainerAndStdinOnceClosesItWithTheConnection() throws Exception {
        running("cat", "{\"Image\":\"base\",\"Cmd\":[\"cat\"],\"OpenStdin\":true,\"StdinOnce\":true}");
        try (HttpClientConnection connection = api.connect()) {
            HttpResponse response = connection.request("POST",
                    "/v1.47/containers/cat/attach?stream=1&stdin=1&stdout=1&stderr=1", UPGRADE, new byte[0]);
            assertEquals(101, response.status());
            connection.rawOutput().write("hello\n".getBytes(StandardCharsets.UTF_8));
            connection.rawOutput().flush();
            assertArrayEquals(frame(1, "hello\n"), response.body().readNBytes(14));
        }
        eventually(() -> engine.stdinClosed.contains(id("cat")));
        assertEquals("hello\n", engine.stdin.get(id("cat")).toString(StandardCharsets.UTF_8));
        eventually(() -> !engine.container("cat").state().running());
    }

    @Test
    void withoutStdinOnceTheConnectionsEndDetachesAndCtrlPCtrlQDetachesAnyway() throws Exception {
        running("keep", "{\"Image\":\"base\",\"Cmd\":[\"sh\"],\"OpenStdin\":true,\"Tty\":true}");
        try (HttpClientConnection connection = api.connect()) {
            HttpResponse response = connection.request("POST", "/containers/keep/attach?stream=1&stdin=1&stdout=1",
                    UPGRADE, new byte[0]);
            OutputStream raw = connection.rawOutput();
            raw.write(new byte[] {'l', 's', 0x10, 'x', 0x10, 0x11, 'z'});
            raw.flush();
            // The engine ends the attach after the detach keys: the stream ends with the container running.
            assertEquals(0, response.body().readAllBytes().length);
        }
        assertEquals("ls\u0010x", engine.stdin.get(id("keep")).toString(StandardCharsets.UTF_8));
        assertFalse(engine.stdinClosed.contains(id("keep")));
        assertTrue(engine.container("keep").state().running());
    }

    @Test
    void resizesAndRenamesContainers() throws IOException {
        running("sized", "{\"Image\":\"base\",\"Tty\":true}");
        String sized = id("sized");
        assertEquals(200, api.call("POST", "/v1.47/containers/sized/resize?h=24&w=80", "").status());
        assertEquals(sized + " 24x80", engine.lastResize);
        assertEquals(400, api.call("POST", "/containers/sized/resize?h=-1&w=80", "").status());
        assertEquals(400, api.call("POST", "/containers/sized/resize", "").status());
        assertEquals(204, api.call("POST", "/containers/sized/rename?name=renamed", "").status());
        assertEquals("renamed", engine.container(sized).name());
        assertEquals(400, api.call("POST", "/containers/renamed/rename?name=", "").status());
        assertEquals(404, api.call("POST", "/containers/nothere/rename?name=x", "").status());
    }

    private String createExec(String container, String body) throws IOException {
        Answer created = api.call("POST", "/v1.47/containers/" + container + "/exec", body);
        assertEquals(201, created.status(), created.body());
        String exec = created.json().get("Id").asText();
        assertEquals(64, exec.length());
        return exec;
    }

    @Test
    void execStartsHijackedWithFramesAndInspectShowsTheExit() throws Exception {
        running("box", "{\"Image\":\"base\"}");
        String exec = createExec("box", "{\"AttachStdout\":true,\"AttachStderr\":true,\"Cmd\":[\"warn\",\"oops\"],"
                + "\"Env\":null,\"Unknown\":1}");
        JsonNode before = api.call("GET", "/exec/" + exec + "/json", "").json();
        assertFalse(before.get("Running").asBoolean());
        assertTrue(before.get("ExitCode").isNull());
        assertEquals(id("box"), before.get("ContainerID").asText());
        assertEquals("warn", before.get("ProcessConfig").get("entrypoint").asText());
        try (HttpClientConnection connection = api.connect()) {
            HttpResponse response = connection.request("POST", "/v1.47/exec/" + exec + "/start", UPGRADE,
                    "{\"Detach\":false,\"Tty\":false}".getBytes(StandardCharsets.UTF_8));
            assertEquals(101, response.status());
            assertArrayEquals(frame(2, "oops\n"), response.body().readAllBytes());
        }
        JsonNode after = api.call("GET", "/exec/" + exec + "/json", "").json();
        assertFalse(after.get("Running").asBoolean());
        assertEquals(0, after.get("ExitCode").asInt());
        assertEquals(404, api.call("GET", "/exec/" + "0".repeat(64) + "/json", "").status());
    }

    @Test
    void execStartAnswersAPlainPostWithA200StreamAndTakesStdinFromTheConnection() throws Exception {
        running("plain", "{\"Image\":\"base\"}");
        String exec = createExec("plain", "{\"AttachStdin\":true,\"AttachStdout\":true,\"Tty\":true,\"Cmd\":[\"cat\"]}");
        try (HttpClientConnection connection = api.connect()) {
            HttpResponse response = connection.request("POST", "/exec/" + exec + "/start", new Headers(),
                    "{\"Detach\":false,\"Tty\":true}".getBytes(StandardCharsets.UTF_8));
            assertEquals(200, response.status());
            assertEquals("application/vnd.docker.raw-stream", response.headers().first("Content-Type").orElseThrow());
            connection.rawOutput().write("typed".getBytes(StandardCharsets.UTF_8));
            connection.rawOutput().flush();
            InputStream body = response.body();
            assertEquals("typed", new String(body.readNBytes(5), StandardCharsets.UTF_8));
            JsonNode during = api.call("GET", "/exec/" + exec + "/json", "").json();
            assertTrue(during.get("Running").asBoolean());
            assertTrue(during.get("ExitCode").isNull());
            assertEquals(200, api.call("POST", "/exec/" + exec + "/resize?h=30&w=100", "").status());
            assertArrayEquals(new int[] {30, 100}, engine.execs.find(exec).size);
            connection.shutdownOutput();
            assertEquals(0, body.readAllBytes().length);
        }
        eventually(() -> engine.execs.find(exec).exitCode == 0);
    }

    @Test
    void execNeedsARunningContainerAndACommand() throws IOException {
        assertEquals(201, api.call("POST", "/containers/create?name=idle", "{\"Image\":\"base\"}").status());
        assertEquals(409, api.call("POST", "/containers/idle/exec", "{\"Cmd\":[\"echo\"]}").status());
        engine.start("idle");
        assertEquals(400, api.call("POST", "/containers/idle/exec", "{\"Cmd\":[]}").status());
        assertEquals(404, api.call("POST", "/containers/none/exec", "{\"Cmd\":[\"echo\"]}").status());
        engine.finish("idle", ExitStatus.exited(0));
    }
}

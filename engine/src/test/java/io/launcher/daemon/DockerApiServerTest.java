package io.launcher.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.ContainerConfig;
import io.launcher.api.ExitStatus;
import io.launcher.api.HostConfig;
import io.launcher.api.NetworkMode;
import io.launcher.api.PortBinding;
import io.launcher.api.StdStream;
import io.launcher.api.UnavailableException;
import io.launcher.daemon.ApiServerExtension.Answer;
import io.launcher.http.Headers;
import io.launcher.http.HttpClientConnection;
import io.launcher.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DockerApiServerTest {
    @TempDir
    Path dir;
    private final FakeEngine engine = new FakeEngine();
    @RegisterExtension
    final ApiServerExtension api = new ApiServerExtension(engine);

    private String createContainer(String name, String body) throws IOException {
        Answer created = api.call("POST", "/containers/create?name=" + name, body);
        assertEquals(201, created.status(), created.body());
        return created.json().get("Id").asText();
    }

    @Test
    void pingsWithAndWithoutAVersionPrefix() throws IOException {
        for (String prefix : List.of("", "/v1.44", "/v1.32", "/v1.47")) {
            Answer ping = api.call("GET", prefix + "/_ping", "");
            assertEquals(200, ping.status());
            assertEquals("OK", ping.body());
            assertEquals("1.47", ping.headers().first("Api-Version").orElseThrow());
            assertEquals("linux", ping.headers().first("OSType").orElseThrow());
            assertEquals("false", ping.headers().first("Docker-Experimental").orElseThrow());
            assertEquals("1", ping.headers().first("Builder-Version").orElseThrow());
            assertTrue(ping.headers().first("Cache-Control").orElseThrow().contains("no-cache"));
        }
        Answer head = api.call("HEAD", "/_ping", "");
        assertEquals(200, head.status());
        assertEquals("", head.body());
    }

    @Test
    void socketIsGroupReadableOnlyAndAStaleOneIsReplaced() throws IOException {
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(api.socket())));
        assertThrows(UnavailableException.class, () -> new DockerApiServer(engine, api.socket()));
        Path stale = dir.resolve("stale.sock");
        Files.createFile(stale);
        try (DockerApiServer second = new DockerApiServer(engine, stale)) {
            assertEquals(200, call2(stale));
        }
        assertFalse(Files.exists(stale));
    }

    private static int call2(Path socket) throws IOException {
        try (HttpClientConnection connection = HttpClientConnection.open(socket)) {
            return connection.request("GET", "/_ping", new Headers(), new byte[0]).status();
        }
    }

    @Test
    void reportsVersionAndInfoInDockerFieldNames() throws IOException {
        JsonNode version = api.call("GET", "/v1.44/version", "").json();
        assertEquals("25.0.0+launcher.0.1.0", version.get("Version").asText());
        assertEquals("1.47", version.get("ApiVersion").asText());
        assertEquals("1.24", version.get("MinAPIVersion").asText());
        assertEquals("linux", version.get("Os").asText());
        JsonNode info = api.call("GET", "/info", "").json();
        assertEquals("linux", info.get("OSType").asText());
        assertEquals(8L << 30, info.get("MemTotal").asLong());
        assertEquals("overlay", info.get("Driver").asText());
        assertEquals("native", info.get("DefaultRuntime").asText());
        assertEquals("x86_64", info.get("Architecture").asText());
        assertEquals(2, info.get("NCPU").asInt());
        assertTrue(info.get("Runtimes").has("native"));
        JsonNode report = info.get("Launcher").get("Plugins").get(1);
        assertEquals("aufs", report.get("Name").asText());
        assertFalse(report.get("Available").asBoolean());
        assertEquals("this kernel has no AUFS", report.get("Reason").asText());
        assertTrue(info.get("Plugins").get("Network").isArray());
    }

    @Test
    void mapsErrorsToStatusesAndMessages() throws IOException {
        Answer unknown = api.call("GET", "/v1.47/nothing/here", "");
        assertEquals(404, unknown.status());
        assertEquals("page not found", unknown.json().get("message").asText());
        Answer missing = api.call("GET", "/containers/nope/json", "");
        assertEquals(404, missing.status());
        assertEquals("No such container: nope", missing.json().get("message").asText());
        assertEquals("NotFound", missing.headers().first(ApiFaults.HEADER).orElseThrow());
        Answer malformed = api.call("POST", "/containers/create", "{\"Image\": ");
        assertEquals(400, malformed.status());
        assertTrue(malformed.json().get("message").asText().startsWith("invalid JSON"));
        Answer noImage = api.call("POST", "/containers/create", "{}");
        assertEquals(400, noImage.status());
        createContainer("taken", "{\"Image\":\"base\"}");
        Answer conflict = api.call("POST", "/containers/create?name=taken", "{\"Image\":\"base\"}");
        assertEquals(409, conflict.status());
        assertEquals("AlreadyExists", conflict.headers().first(ApiFaults.HEADER).orElseThrow());
        Answer badFilter = api.call("GET", "/containers/json?filters=" + "%7B%22volume%22%3A%5B%22x%22%5D%7D", "");
        assertEquals(400, badFilter.status());
        Answer badNumber = api.call("POST", "/containers/taken/stop?t=soon", "");
        assertEquals(304, badNumber.status());
    }

    @Test
    void createIgnoresNullsAndUnknownKeys() throws IOException {
        String body = """
                {"Hostname":null,"Image":"base","Cmd":["sh","-c","echo hi"],"Entrypoint":null,"Env":["A=1",null],
                 "WorkingDir":"/tmp","User":null,"Tty":true,"OpenStdin":true,"StdinOnce":null,"AttachStdin":false,
                 "Labels":{"org.testcontainers":"true"},"ExposedPorts":{"80/tcp":{}},"Volumes":null,"Healthcheck":null,
                 "Unknown":{"deep":[1,2]},
                 "HostConfig":{"AutoRemove":true,"NetworkMode":"host","Memory":67108864,"CpuShares":512,
                   "NanoCpus":1500000000,"PidsLimit":-1,"Binds":["/a:/b:ro"],"ReadonlyRootfs":true,
                   "CapAdd":["NET_ADMIN"],"CapDrop":null,"PortBindings":{"80/tcp":[{"HostIp":"","HostPort":""}],
                   "53/udp":[{"HostIp":"127.0.0.1","HostPort":"5353"}],"81/tcp":null},"PublishAllPorts":true,
                   "LogConfig":null,"Ulimits":null,"SecurityOpt":["seccomp=unconfined"]}}""";
        String id = createContainer("web", body);
        assertEquals(64, id.length());
        ContainerConfig config = engine.lastConfig;
        assertEquals(List.of("sh", "-c", "echo hi"), config.cmd());
        assertEquals(List.of(), config.entrypoint());
        assertEquals(List.of("A=1"), config.env());
        assertEquals("/tmp", config.workingDir());
        assertTrue(config.tty() && config.openStdin() && !config.stdinOnce());
        assertEquals(Map.of("org.testcontainers", "true"), config.labels());
        HostConfig host = engine.lastHostConfig;
        assertTrue(host.autoRemove() && host.readonlyRootfs());
        assertEquals(NetworkMode.HOST, host.networkMode());
        assertEquals(64L << 20, host.resources().memoryBytes());
        assertEquals(512, host.resources().cpuShares());
        assertEquals(1_500_000_000L, host.resources().nanoCpus());
        assertEquals(0, host.resources().pidsLimit());
        assertEquals(List.of("/a:/b:ro"), host.binds());
        assertEquals(List.of("NET_ADMIN"), host.capAdd());
        assertEquals(List.of(), host.capDrop());
        assertEquals(List.of(new PortBinding(PortBinding.Protocol.TCP, "", 0, 80),
                new PortBinding(PortBinding.Protocol.UDP, "127.0.0.1", 5353, 53)), host.portBindings());
        assertTrue(host.publishAllPorts());
        assertEquals(List.of("seccomp=unconfined"), host.securityOpt());
        assertEquals(List.of("80/tcp"), config.exposedPorts());
    }

    @Test
    void inspectsInDockerFieldNames() throws IOException {
        String id = createContainer("/web", "{\"Image\":\"base\",\"Entrypoint\":[\"/bin/sh\"],\"Cmd\":[\"-c\",\"true\"]}");
        JsonNode c = api.call("GET", "/v1.44/containers/web/json", "").json();
        assertEquals(id, c.get("Id").asText());
        assertEquals("/web", c.get("Name").asText());
        assertEquals("/bin/sh", c.get("Path").asText());
        assertEquals("-c", c.get("Args").get(0).asText());
        JsonNode state = c.get("State");
        assertEquals("created", state.get("Status").asText());
        assertFalse(state.get("Running").asBoolean());
        assertFalse(state.get("Paused").isNull());
        assertEquals("0001-01-01T00:00:00Z", state.get("StartedAt").asText());
        assertEquals("0001-01-01T00:00:00Z", state.get("FinishedAt").asText());
        assertEquals("base", c.get("Config").get("Image").asText());
        assertEquals("-c", c.get("Config").get("Cmd").get(0).asText());
        assertEquals("bridge", c.get("HostConfig").get("NetworkMode").asText());
        assertEquals(0, c.get("HostConfig").get("Memory").asLong());
        assertTrue(c.get("NetworkSettings").get("Networks").has("bridge"));
        assertEquals("", c.get("NetworkSettings").get("IPAddress").asText());
        assertTrue(c.get("Mounts").isArray());
        assertTrue(c.get("Created").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"));
        assertEquals("overlay", c.get("Driver").asText());
    }

    @Test
    void listsWithExactFilters() throws IOException {
        String a = createContainer("a", "{\"Image\":\"base\",\"Labels\":{\"app\":\"x\",\"tier\":\"web\"}}");
        String b = createContainer("b", "{\"Image\":\"base\",\"Labels\":{\"app\":\"y\"}}");
        engine.start(b);
        assertEquals(List.of(b), ids(api.call("GET", "/containers/json", "")));
        assertEquals(2, ids(api.call("GET", "/containers/json?all=1", "")).size());
        assertEquals(List.of(a), ids(api.call("GET", "/containers/json?all=true&filters="
                + enc("{\"label\":[\"app=x\",\"tier\"]}"), "")));
        assertEquals(List.of(), ids(api.call("GET", "/containers/json?all=1&filters=" + enc("{\"label\":[\"app=x\",\"tier=db\"]}"), "")));
        assertEquals(List.of(a), ids(api.call("GET", "/containers/json?all=1&filters=" + enc("{\"label\":{\"app=x\":true}}"), "")));
        assertEquals(List.of(b), ids(api.call("GET", "/containers/json?all=1&filters=" + enc("{\"name\":[\"^/b$\"]}"), "")));
        assertEquals(List.of(a), ids(api.call("GET", "/containers/json?filters=" + enc("{\"status\":[\"created\"]}"), "")));
        assertEquals(List.of(b), ids(api.call("GET", "/containers/json?all=1&filters=" + enc("{\"id\":[\"" + b.substring(0, 10) + "\"]}"), "")));
        JsonNode row = api.call("GET", "/containers/json", "").json().get(0);
        assertEquals("/b", row.get("Names").get(0).asText());
        assertEquals("running", row.get("State").asText());
        assertTrue(row.get("Status").asText().startsWith("Up "), row.get("Status").asText());
        assertTrue(row.get("Created").isNumber());
        assertTrue(row.get("Ports").isArray());
        assertTrue(row.get("NetworkSettings").get("Networks").has("bridge"));
    }

    private static String enc(String json) {
        return java.net.URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    private static List<String> ids(Answer answer) throws IOException {
        assertEquals(200, answer.status(), answer.body());
        return java.util.stream.StreamSupport.stream(answer.json().spliterator(), false)
                .map(n -> n.get("Id").asText()).toList();
    }

    @Test
    void startsStopsKillsAndRemoves() throws IOException {
        String id = createContainer("life", "{\"Image\":\"base\"}");
        assertEquals(204, api.call("POST", "/containers/life/start", "").status());
        assertEquals(304, api.call("POST", "/containers/life/start", "").status());
        assertEquals(204, api.call("POST", "/containers/life/stop?t=1", "").status());
        assertEquals(304, api.call("POST", "/containers/life/stop", "").status());
        assertEquals(204, api.call("POST", "/containers/life/restart?t=0", "").status());
        assertEquals(200, api.call("POST", "/containers/life/resize?h=40&w=120", "").status());
        assertEquals(204, api.call("POST", "/containers/life/restart", "").status());
        assertEquals("running", api.call("GET", "/containers/life/json", "").json().get("State").get("Status").asText());
        assertEquals(204, api.call("POST", "/containers/life/stop", "").status());
        assertEquals(409, api.call("POST", "/containers/life/kill?signal=TERM", "").status());
        assertEquals(143, api.call("GET", "/containers/" + id + "/json", "").json().get("State").get("ExitCode").asInt());
        assertEquals(204, api.call("DELETE", "/containers/life?force=1&v=1", "").status());
        assertEquals(404, api.call("DELETE", "/containers/life", "").status());
    }

    @Test
    void waitFlushesItsHeadAtOnceAndItsBodyOnExit() throws Exception {
        createContainer("w", "{\"Image\":\"base\"}");
        try (HttpClientConnection connection = api.connect()) {
            HttpResponse response = connection.request("POST", "/v1.47/containers/w/wait?condition=next-exit",
                    new Headers(), new byte[0]);
            assertEquals(200, response.status());
            CompletableFuture<String> body = CompletableFuture.supplyAsync(() -> {
                try {
                    return response.bodyText();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Thread.sleep(100);
            assertFalse(body.isDone());
            engine.start("w");
            engine.finish("w", ExitStatus.exited(3));
            JsonNode answer = DockerMapper.MAPPER.readTree(body.get(5, TimeUnit.SECONDS));
            assertEquals(3, answer.get("StatusCode").asInt());
            assertTrue(answer.get("Error").isNull());
        }
        assertEquals(404, api.call("POST", "/containers/gone/wait", "").status());
    }

    @Test
    void logsAreMultiplexedWithoutATtyAndRawWithOne() throws IOException {
        createContainer("plain", "{\"Image\":\"base\"}");
        engine.emit("plain", StdStream.STDOUT, "out\n");
        engine.emit("plain", StdStream.STDERR, "err\n");
        try (HttpClientConnection connection = api.connect()) {
            HttpResponse response = connection.request("GET", "/containers/plain/logs?stdout=1&stderr=1", new Headers(), new byte[0]);
            assertEquals("application/vnd.docker.multiplexed-stream", response.headers().first("Content-Type").orElseThrow());
            byte[] expected = concat(LogFrames.header(1, 4), "out\n".getBytes(StandardCharsets.UTF_8),
                    LogFrames.header(2, 4), "err\n".getBytes(StandardCharsets.UTF_8));
            assertArrayEquals(expected, response.body().readAllBytes());
        }
        Answer onlyErr = api.call("GET", "/containers/plain/logs?stderr=1&tail=1&timestamps=1", "");
        assertTrue(onlyErr.body().substring(8).matches("\\d{4}-.*\\.\\d{9}Z err\n"), onlyErr.body());
        assertEquals(400, api.call("GET", "/containers/plain/logs", "").status());
        createContainer("tty", "{\"Image\":\"base\",\"Tty\":true}");
        engine.emit("tty", StdStream.STDOUT, "raw\r\n");
        Answer raw = api.call("GET", "/containers/tty/logs?stdout=1", "");
        assertEquals("raw\r\n", raw.body());
        assertEquals("application/vnd.docker.raw-stream", raw.headers().first("Content-Type").orElseThrow());
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void attachHijacksAndStreamsFramesUntilExit() throws Exception {
        createContainer("att", "{\"Image\":\"base\"}");
        try (HttpClientConnection connection = api.connect()) {
            HttpResponse response = connection.request("POST", "/v1.44/containers/att/attach?stream=1&stdout=1&stderr=1",
                    Headers.of("Connection", "Upgrade", "Upgrade", "tcp"), new byte[0]);
            assertEquals(101, response.status());
            assertEquals("tcp", response.headers().first("Upgrade").orElseThrow());
            engine.start("att");
            engine.emit("att", StdStream.STDOUT, "hi\n");
            engine.finish("att", ExitStatus.exited(0));
            InputStream in = response.body();
            assertArrayEquals(concat(LogFrames.header(1, 3), "hi\n".getBytes(StandardCharsets.UTF_8)), in.readAllBytes());
        }
    }

    @Test
    void importsFromAChunkedBodyWithProgressLines() throws IOException {
        try (HttpClientConnection connection = api.connect()) {
            HttpResponse response = connection.requestChunked("POST",
                    "/images/create?fromSrc=-&repo=imported&tag=v2&message=hello&changes=CMD%20%5B%22sh%22%5D&changes=ENV%20A%3Db",
                    new Headers(), new ByteArrayInputStream("tarball bytes".getBytes(StandardCharsets.UTF_8)));
            assertEquals(200, response.status());
            List<String> lines = response.bodyText().lines().toList();
            JsonNode last = DockerMapper.MAPPER.readTree(lines.get(lines.size() - 1));
            assertTrue(last.get("status").asText().startsWith("sha256:"), lines.toString());
        }
        assertEquals("tarball bytes", new String(engine.lastImport, StandardCharsets.UTF_8));
        assertEquals("imported:v2", engine.lastImportRequest.tag().orElseThrow().toString());
        assertEquals(List.of("CMD [\"sh\"]", "ENV A=b"), engine.lastImportRequest.changes());
        assertEquals("hello", engine.lastImportRequest.message());
        Answer failed = api.call("POST", "/images/create?fromSrc=-", "BAD tar");
        assertEquals(200, failed.status());
        JsonNode error = DockerMapper.MAPPER.readTree(failed.body().lines().reduce((x, y) -> y).orElseThrow());
        assertEquals("invalid tar header", error.get("error").asText());
        assertEquals("invalid tar header", error.get("errorDetail").get("message").asText());
        assertEquals(400, api.call("POST", "/images/create?fromSrc=-&repo=Bad%20Name", "x").status());
        // fromImage is a pull: this fake engine has none, and says so before any progress line.
        assertEquals(503, api.call("POST", "/images/create?fromImage=busybox&tag=latest", "").status());
    }

    @Test
    void listsAndInspectsImagesByNameTagAndId() throws IOException {
        JsonNode list = api.call("GET", "/images/json", "").json();
        assertEquals("sha256:" + "a".repeat(64), list.get(0).get("Id").asText());
        assertEquals("base:latest", list.get(0).get("RepoTags").get(0).asText());
        for (String name : List.of("base", "base:latest", "localhost:5000/team/app:v1", "sha256:" + "a".repeat(64))) {
            Answer inspect = api.call("GET", "/v1.44/images/" + name + "/json", "");
            assertEquals(200, inspect.status(), name);
            JsonNode image = inspect.json();
            assertEquals("sha256:" + "b".repeat(64), image.get("RootFS").get("Layers").get(0).asText());
            assertEquals("sh", image.get("Config").get("Cmd").get(0).asText());
            assertEquals("2024-01-02T03:04:05.5Z", image.get("Created").asText());
        }
        assertEquals(404, api.call("GET", "/images/nope/json", "").status());
    }

    @Test
    void unexpectedFailuresBecomeOneLine500s() throws IOException {
        FakeEngine broken = new FakeEngine() {
            @Override
            public io.launcher.api.EngineInfo info() {
                throw new IllegalStateException("boom\n\tat somewhere");
            }
        };
        try (DockerApiServer other = new DockerApiServer(broken, dir.resolve("broken.sock"));
             HttpClientConnection connection = HttpClientConnection.open(other.socket())) {
            HttpResponse response = connection.request("GET", "/info", new Headers(), new byte[0]);
            assertEquals(500, response.status());
            assertEquals("{\"message\":\"boom\"}\n", response.bodyText());
        }
        assertEquals(Optional.empty(), Optional.empty());
    }
}

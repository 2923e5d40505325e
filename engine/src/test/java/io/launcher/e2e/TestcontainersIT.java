package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.e2e.Distribution.Result;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Testcontainers (with the docker-java it brings), a client library no one here wrote, driving the
 * engine the way a user's integration tests would. Testcontainers reads {@code DOCKER_HOST} once
 * per JVM: failsafe sets it to a path in target/, where this test links the fixture's socket;
 * Ryuk and the start-up checks are off (they need images from Docker Hub), and failsafe points
 * {@code user.home} into target/ so that Testcontainers never reads or writes the user's
 * {@code ~/.testcontainers.properties}.
 */
@Tag("privileged")
class TestcontainersIT {
    private static final String IMAGE = "launcher-tc/base:1";
    private static Distribution launcher;
    private static Path link;

    @BeforeAll
    static void start() throws Exception {
        String host = System.getenv("DOCKER_HOST");
        assumeTrue(host != null && host.startsWith("unix://") && "true".equals(System.getenv("TESTCONTAINERS_RYUK_DISABLED")),
                "run through failsafe, which points DOCKER_HOST at the fixture and disables Ryuk");
        launcher = Distribution.start().withBaseImage();
        assertEquals(0, launcher.launcher("tag", "base", IMAGE).exitCode());
        link = Path.of(host.substring("unix://".length()));
        Files.createDirectories(link.getParent());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, launcher.socket());
    }

    @AfterAll
    static void stop() throws Exception {
        if (link != null) {
            Files.deleteIfExists(link);
        }
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void genericContainerServesExecsCopiesLogsAndIsRemoved() throws Exception {
        assertTrue(DockerClientFactory.instance().isDockerAvailable(), "Testcontainers finds no engine");
        String id;
        try (GenericContainer<?> web = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withCommand("sh", "-c", "echo serving; mkdir -p /www && echo hello-from-launcher > /www/index.html"
                        + " && exec httpd -f -p 8080 -h /www")
                .withExposedPorts(8080)
                .withStartupTimeout(Duration.ofSeconds(60))) {
            web.start();
            id = web.getContainerId();
            assertTrue(web.isRunning());

            String page = httpGet(web.getHost(), web.getMappedPort(8080));
            assertTrue(page.startsWith("HTTP/1.") && page.contains("hello-from-launcher"), page);

            ExecResult exec = web.execInContainer("sh", "-c", "echo out-$((6*7)); echo err >&2; exit 3");
            assertEquals("out-42\n", exec.getStdout());
            assertEquals("err\n", exec.getStderr());
            assertEquals(3, exec.getExitCode());

            web.copyFileToContainer(Transferable.of("copied in\n"), "/data/new/dir/file.txt");
            assertEquals("copied in\n", web.execInContainer("cat", "/data/new/dir/file.txt").getStdout());
            Path local = Files.createTempFile(launcher.root(), "tc", ".txt");
            Files.writeString(local, "from a host file\n");
            web.copyFileToContainer(MountableFile.forHostPath(local), "/tmp/host.txt");
            assertEquals("from a host file\n", web.execInContainer("cat", "/tmp/host.txt").getStdout());
            assertEquals("copied in\n", web.copyFileFromContainer("/data/new/dir/file.txt",
                    in -> new String(in.readAllBytes(), StandardCharsets.UTF_8)));

            assertTrue(web.getLogs().contains("serving"), web.getLogs());
        }
        Result ps = launcher.launcher("ps", "-aq", "--no-trunc");
        assertFalse(ps.out().contains(id), "Testcontainers' stop removes the container: " + ps.out());
    }

    /** Retried for a few seconds: engines of other test runs on this host may briefly hold the same port. */
    private static String httpGet(String host, int port) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return httpGetOnce(host, port);
            } catch (java.net.ConnectException e) {
                if (attempt == 20) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private static String httpGetOnce(String host, int port) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET / HTTP/1.0\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}

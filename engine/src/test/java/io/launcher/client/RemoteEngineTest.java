package io.launcher.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.AlreadyExistsException;
import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerDetails;
import io.launcher.api.ContainerId;
import io.launcher.api.ContainerStatus;
import io.launcher.api.EngineInfo;
import io.launcher.api.ExitStatus;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.HostConfig;
import io.launcher.api.ImageDetails;
import io.launcher.api.ImageId;
import io.launcher.api.ImageReference;
import io.launcher.api.ImportRequest;
import io.launcher.api.InternalException;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.LogCursor;
import io.launcher.api.LogEntry;
import io.launcher.api.LogOptions;
import io.launcher.api.NetworkMode;
import io.launcher.api.NotFoundException;
import io.launcher.api.PortBinding;
import io.launcher.api.ResourceLimits;
import io.launcher.api.StdStream;
import io.launcher.api.UnavailableException;
import io.launcher.api.WaitCondition;
import io.launcher.daemon.ApiServerExtension;
import io.launcher.daemon.FakeEngine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RemoteEngineTest {
    @TempDir
    Path dir;
    private final FakeEngine fake = new FakeEngine();
    @RegisterExtension
    final ApiServerExtension api = new ApiServerExtension(fake);
    private RemoteEngine remote;

    @BeforeEach
    void start() throws IOException {
        remote = RemoteEngine.connect(api.socket());
    }

    @Test
    void failsFastWhenNothingAnswers() {
        UnavailableException e = assertThrows(UnavailableException.class, () -> RemoteEngine.connect(dir.resolve("none.sock")));
        assertTrue(e.getMessage().startsWith("cannot connect to the Launcher engine at unix://" + dir.resolve("none.sock") + ": "),
                e.getMessage());
        assertFalse(RemoteEngine.answers(dir.resolve("none.sock")));
    }

    @Test
    void infoRoundTrips() {
        assertEquals(fake.info(), remote.info());
    }

    @Test
    void containersRoundTrip() throws Exception {
        ContainerConfig config = new ContainerConfig("base", List.of("-c", "echo hi"), List.of("/bin/sh"), List.of("A=1"),
                "/tmp", "nobody", "box", false, true, true, Map.of("k", "v"), List.of("80/tcp", "53/udp"));
        HostConfig host = new HostConfig(true, NetworkMode.HOST, new ResourceLimits(64L << 20, 512, 1_000_000_000L, 100),
                List.of("/a:/b:ro"), true, List.of("NET_ADMIN"), List.of("CHOWN"),
                List.of(new PortBinding(PortBinding.Protocol.TCP, "", 8080, 80), new PortBinding(PortBinding.Protocol.TCP, "", 8081, 80),
                        new PortBinding(PortBinding.Protocol.UDP, "127.0.0.1", 0, 53)), true);
        ContainerId id = remote.create(Optional.of("rt"), config, host);
        ContainerDetails details = remote.container("rt");
        assertEquals(fake.container("rt"), details);
        assertEquals(config, details.config());
        assertEquals(host, details.hostConfig());
        assertEquals(List.of(details), remote.containers(true));
        assertEquals(List.of(), remote.containers(false));
        remote.start(id.value());
        remote.start(id.value());
        assertEquals(ContainerStatus.RUNNING, remote.container("rt").state().status());
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return remote.await("rt", WaitCondition.NOT_RUNNING);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        remote.stop("rt", 1);
        assertEquals(143, exit.get(5, TimeUnit.SECONDS));
        assertEquals(143, remote.container("rt").state().exitCode());
        assertTrue(remote.container("rt").state().finishedAt().isAfter(Instant.EPOCH));
        remote.remove("rt", true);
        assertThrows(NotFoundException.class, () -> remote.container("rt"));
    }

    /** A wait asked for later returns once the engine has it, and completes with the exit code. */
    @Test
    void awaitLaterIsRegisteredWhenItReturns() throws Exception {
        ContainerId id = remote.create(Optional.of("later"), ContainerConfig.of("base", List.of()), HostConfig.DEFAULT);
        remote.start(id.value());
        CompletableFuture<Integer> exit = remote.awaitLater("later", WaitCondition.NOT_RUNNING);
        assertFalse(exit.isDone());
        remote.stop("later", 1);
        assertEquals(143, exit.get(5, TimeUnit.SECONDS));
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> remote.awaitLater("nope", WaitCondition.NOT_RUNNING));
        assertEquals("No such container: nope", missing.getMessage());
        remote.remove("later", true);
    }

    @Test
    void faultsKeepTheirClassAndMessage() {
        remote.create(Optional.of("dup"), ContainerConfig.of("base", List.of()), HostConfig.DEFAULT);
        AlreadyExistsException taken = assertThrows(AlreadyExistsException.class,
                () -> remote.create(Optional.of("dup"), ContainerConfig.of("base", List.of()), HostConfig.DEFAULT));
        assertTrue(taken.getMessage().contains("already in use"));
        NotFoundException missing = assertThrows(NotFoundException.class, () -> remote.start("nope"));
        assertEquals("No such container: nope", missing.getMessage());
        assertThrows(FailedPreconditionException.class, () -> remote.kill("dup", "KILL"));
        assertThrows(NotFoundException.class,
                () -> remote.create(Optional.empty(), ContainerConfig.of("nosuchimage", List.of()), HostConfig.DEFAULT));
        assertThrows(NotFoundException.class, () -> remote.image("nosuchimage"));
    }

    @Test
    void importsStreamsProgressAndMapsFailures() {
        List<Long> progress = new ArrayList<>();
        byte[] tarball = "x".repeat(200_000).getBytes(StandardCharsets.UTF_8);
        ImageId id = remote.importImage(new ByteArrayInputStream(tarball),
                new ImportRequest(Optional.of(ImageReference.parse("localhost:5000/me/app:v3")), List.of("CMD [\"sh\"]"), "msg"),
                (what, current, total) -> progress.add(current));
        assertArrayEquals(tarball, fake.lastImport);
        assertEquals("localhost:5000/me/app:v3", fake.lastImportRequest.tag().orElseThrow().toString());
        assertEquals(List.of(200_000L), progress);
        ImageDetails image = remote.image("localhost:5000/me/app:v3");
        assertEquals(id, image.id());
        assertEquals(fake.image(id.toString()), image);
        assertEquals(fake.images(), remote.images());
        InvalidSpecException bad = assertThrows(InvalidSpecException.class, () -> remote.importImage(
                new ByteArrayInputStream("BAD".getBytes(StandardCharsets.UTF_8)),
                new ImportRequest(Optional.empty(), List.of(), ""), (w, c, t) -> { }));
        assertEquals("invalid tar header", bad.getMessage());
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };
        InternalException broken = assertThrows(InternalException.class, () -> remote.importImage(failing,
                new ImportRequest(Optional.empty(), List.of(), ""), (w, c, t) -> { }));
        assertTrue(broken.getMessage().contains("disk on fire"), broken.getMessage());
    }

    @Test
    void logsDemultiplexWithTheirTimes() throws Exception {
        remote.create(Optional.of("log"), ContainerConfig.of("base", List.of()), HostConfig.DEFAULT);
        fake.emit("log", StdStream.STDOUT, "one\n");
        fake.emit("log", StdStream.STDERR, "two\n");
        List<LogEntry> expected = new ArrayList<>();
        try (LogCursor local = fake.logs("log", LogOptions.all())) {
            for (Optional<LogEntry> e = local.next(); e.isPresent(); e = local.next()) {
                expected.add(e.get());
            }
        }
        List<LogEntry> got = drain(remote.logs("log", LogOptions.all()));
        assertEquals(2, got.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(expected.get(i).stream(), got.get(i).stream());
            assertEquals(expected.get(i).time(), got.get(i).time());
            assertArrayEquals(expected.get(i).data(), got.get(i).data());
        }
        List<LogEntry> tail = drain(remote.logs("log", new LogOptions(true, true, false, 1, Instant.EPOCH)));
        assertEquals(StdStream.STDERR, tail.get(0).stream());
    }

    @Test
    void attachFollowsUntilTheProcessEnds() throws Exception {
        remote.create(Optional.of("att"), ContainerConfig.of("base", List.of()), HostConfig.DEFAULT);
        fake.start("att");
        try (LogCursor cursor = remote.attach("att", true, true)) {
            Thread.sleep(100);
            fake.emit("att", StdStream.STDOUT, "live\n");
            LogEntry first = cursor.next().orElseThrow();
            assertEquals("live\n", new String(first.data(), StandardCharsets.UTF_8));
            fake.finish("att", ExitStatus.exited(0));
            assertEquals(Optional.empty(), cursor.next());
        }
    }

    @Test
    void ttyLogsAreRaw() throws Exception {
        remote.create(Optional.of("tty"), new ContainerConfig("base", List.of(), List.of(), List.of(), "", "", "", true,
                false, false, Map.of()), HostConfig.DEFAULT);
        fake.emit("tty", StdStream.STDOUT, "raw\r\n");
        List<LogEntry> got = drain(remote.logs("tty", LogOptions.all()));
        assertEquals("raw\r\n", new String(got.get(0).data(), StandardCharsets.UTF_8));
    }

    private static List<LogEntry> drain(LogCursor cursor) throws Exception {
        List<LogEntry> entries = new ArrayList<>();
        try (cursor) {
            for (Optional<LogEntry> e = cursor.next(); e.isPresent(); e = cursor.next()) {
                entries.add(e.get());
            }
        }
        return entries;
    }

    @Test
    void infoOfAnEngineIsItsOwn() {
        EngineInfo info = remote.info();
        assertEquals("native", info.isolationBackend());
        assertEquals(2, info.plugins().size());
    }
}

package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ImageReference;
import io.launcher.api.ImportRequest;
import io.launcher.api.ProgressListener;
import io.launcher.cli.Cli;
import io.launcher.cli.Session;
import io.launcher.registry.LoopbackRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's pull, push, login, logout and run-pulls-first against a loopback registry. */
class RegistryCliTest {
    @TempDir
    Path dir;
    private LoopbackRegistry registry;
    private LocalEngine engine;
    private String out;
    private String err;

    @BeforeEach
    void start() throws Exception {
        registry = LoopbackRegistry.start(Files.createDirectories(dir.resolve("registry")), null);
        Path root = Files.createDirectories(dir.resolve("root"));
        engine = LocalEngine.open(new EngineSettings(root, root.resolve("plugins"), Optional.empty(), Optional.empty()),
                new Providers(List.of(new FakeIsolation()), List.of(new DirectoryStorage()), List.of()));
    }

    @AfterEach
    void stop() throws Exception {
        engine.close();
        registry.close();
    }

    private int cli(String stdin, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        Session session = new Session(settings -> engine, settings -> 0, Map.of("HOME", dir.resolve("home").toString()),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), dir, Clock.systemUTC());
        int code = Cli.execute(session, args);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void unknownTagIsOneLineAndExitCodeOne() {
        assertEquals(1, cli("", "pull", registry.host() + "/nothing:nope"));
        assertEquals("Error response from daemon: manifest for " + registry.host()
                + "/nothing:nope not found: manifest unknown: manifest unknown\n", err);
    }

    @Test
    void pushPullAndCreatePullingFirst() throws Exception {
        String name = registry.host() + "/cli/app:1";
        engine.importImage(new ByteArrayInputStream(RegistryImages.tar(Map.of("bin/", new byte[0], "bin/sh", new byte[] {1}))),
                new ImportRequest(Optional.of(ImageReference.parse(name)), List.of("CMD [\"sh\"]"), ""), ProgressListener.NONE);
        assertEquals(0, cli("", "push", name), err);
        assertTrue(out.startsWith("The push refers to repository [" + registry.host() + "/cli/app]\n"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("[0-9a-f]{12}: Pushed")), out);

        String other = registry.host() + "/cli/app:1";
        engine.close();
        Path root = dir.resolve("root2");
        engine = LocalEngine.open(new EngineSettings(Files.createDirectories(root), root.resolve("plugins"), Optional.empty(),
                Optional.empty()), new Providers(List.of(new FakeIsolation()), List.of(new DirectoryStorage()), List.of()));
        assertEquals(0, cli("", "create", other), err);
        assertTrue(err.startsWith("Unable to find image '" + other + "' locally\n1: Pulling from cli/app\n"), err);
        assertTrue(err.contains("Status: Downloaded newer image for " + other + "\n"), err);
        assertEquals(64, out.strip().length(), out);

        assertEquals(0, cli("", "pull", other), err);
        assertTrue(out.lines().anyMatch(l -> l.matches("[0-9a-f]{12}: Already exists")), out);
        assertTrue(out.endsWith("Status: Image is up to date for " + other + "\n" + other + "\n"), out);
    }

    @Test
    void loginStoresCredentialsWithMode0600AndLogoutRemovesThem() throws Exception {
        assertEquals(0, cli("s3cret\n", "login", "-u", "alice", "--password-stdin", registry.host()), err);
        assertEquals("Login Succeeded\n", out);
        Path config = dir.resolve("home/.launcher/config.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        String auth = java.util.Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        assertTrue(Files.readString(config).contains("\"" + registry.host() + "\""), Files.readString(config));
        assertTrue(Files.readString(config).contains("\"auth\" : \"" + auth + "\""), Files.readString(config));
        assertEquals(0, cli("", "logout", registry.host()));
        assertEquals("Removing login credentials for " + registry.host() + "\n", out);
        assertFalse(Files.readString(config).contains(auth));
        assertEquals(0, cli("", "logout", registry.host()));
        assertEquals("Not logged in to " + registry.host() + "\n", out);
    }
}

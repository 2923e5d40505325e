package io.launcher.registry;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code docker-registry} (the distribution project's server) on 127.0.0.1 with its
 * storage in a temporary folder, optionally behind htpasswd basic auth. Tests skip without it.
 */
public final class LoopbackRegistry implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/docker-registry");

    private final Process process;
    private final int port;
    private final Path storage;

    private LoopbackRegistry(Process process, int port, Path storage) {
        this.process = process;
        this.port = port;
        this.storage = storage;
    }

    /** Starts a registry; {@code htpasswd} is an htpasswd file's content, or null for no auth. */
    public static LoopbackRegistry start(Path dir, String htpasswd) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(BINARY), "docker-registry is not installed");
        int port = freePort();
        Path storage = Files.createDirectories(dir.resolve("storage"));
        StringBuilder config = new StringBuilder()
                .append("version: 0.1\n")
                .append("log:\n  level: error\n  accesslog:\n    disabled: true\n")
                .append("storage:\n  filesystem:\n    rootdirectory: ").append(storage).append('\n')
                .append("  delete:\n    enabled: true\n")
                .append("http:\n  addr: 127.0.0.1:").append(port).append('\n');
        if (htpasswd != null) {
            Path file = dir.resolve("htpasswd");
            Files.writeString(file, htpasswd);
            config.append("auth:\n  htpasswd:\n    realm: test-realm\n    path: ").append(file).append('\n');
        }
        Path configFile = dir.resolve("config.yml");
        Files.writeString(configFile, config.toString(), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(BINARY.toString(), "serve", configFile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        LoopbackRegistry registry = new LoopbackRegistry(process, port, storage);
        registry.awaitReady(dir);
        return registry;
    }

    /** An htpasswd line with a bcrypt hash, made by apache2-utils' htpasswd. */
    public static String htpasswd(String user, String password) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/htpasswd")), "htpasswd (apache2-utils) is not installed");
        Process p = new ProcessBuilder("/usr/bin/htpasswd", "-Bbn", user, password).start();
        String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return line + "\n";
    }

    public String host() {
        return "127.0.0.1:" + port;
    }

    public Path storage() {
        return storage;
    }

    /** The file holding a blob in the registry's filesystem storage. */
    public Path blobFile(String hex) {
        return storage.resolve("docker/registry/v2/blobs/sha256").resolve(hex.substring(0, 2)).resolve(hex).resolve("data");
    }

    private void awaitReady(Path dir) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("docker-registry exited: " + Files.readString(dir.resolve("registry.log")));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://" + host() + "/v2/").toURL().openConnection();
                c.setConnectTimeout(500);
                int status = c.getResponseCode();
                c.disconnect();
                if (status == 200 || status == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        close();
        throw new IOException("docker-registry did not answer on " + host());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

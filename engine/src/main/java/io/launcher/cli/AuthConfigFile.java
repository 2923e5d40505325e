package io.launcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import io.launcher.api.RegistryCredentials;
import io.launcher.registry.RegistryReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The user's registry credentials in {@code ~/.launcher/config.json} ({@code $LAUNCHER_CONFIG}
 * names another folder), in the shape of Docker's config.json: {@code {"auths":{"host":{"auth":
 * base64(user:password)}}}}, Docker Hub under {@code https://index.docker.io/v1/}. Written with
 * mode 0600 through a temporary file, keeping the keys it does not know.
 */
final class AuthConfigFile {
    static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    AuthConfigFile(Path file) {
        this.file = file;
    }

    static AuthConfigFile of(Session session) {
        Path dir = session.variable("LAUNCHER_CONFIG").map(Path::of)
                .orElseGet(() -> Path.of(session.variable("HOME").orElse(System.getProperty("user.home")), ".launcher"));
        return new AuthConfigFile(dir.resolve("config.json"));
    }

    Path file() {
        return file;
    }

    /** The key a server is stored under: its host, or Docker Hub's historical URL. */
    static String key(String server) {
        String host = RegistryReference.serverHost(server);
        return host.equals(RegistryReference.DOCKER_HUB) ? DOCKER_HUB_KEY : host;
    }

    Optional<RegistryCredentials> find(String server) {
        String wanted = key(server);
        ObjectNode root = read();
        Iterator<Map.Entry<String, JsonNode>> entries = root.path("auths").fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (key(entry.getKey()).equals(wanted)) {
                return decode(entry.getValue());
            }
        }
        return Optional.empty();
    }

    void store(String server, RegistryCredentials credentials) {
        ObjectNode root = read();
        ObjectNode auths = root.has("auths") && root.get("auths").isObject() ? (ObjectNode) root.get("auths") : root.putObject("auths");
        String auth = Base64.getEncoder().encodeToString(
                (credentials.username() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8));
        auths.putObject(key(server)).put("auth", auth);
        write(root);
    }

    /** Removes the server's credentials; false when there were none. */
    boolean remove(String server) {
        ObjectNode root = read();
        JsonNode auths = root.path("auths");
        if (!auths.isObject()) {
            return false;
        }
        String wanted = key(server);
        boolean removed = false;
        Iterator<String> names = auths.fieldNames();
        while (names.hasNext()) {
            if (key(names.next()).equals(wanted)) {
                names.remove();
                removed = true;
            }
        }
        if (removed) {
            write(root);
        }
        return removed;
    }

    private static Optional<RegistryCredentials> decode(JsonNode entry) {
        String auth = entry.path("auth").asText("");
        if (auth.isEmpty()) {
            return Optional.empty();
        }
        String pair = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        return colon < 0 ? Optional.empty()
                : Optional.of(new RegistryCredentials(pair.substring(0, colon), pair.substring(colon + 1)));
    }

    private ObjectNode read() {
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            return root instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(ObjectNode root) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".config", ".json",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unable to write " + file + ": " + e.getMessage(), e);
        }
    }
}

package io.launcher.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.launcher.api.InvalidSpecException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryReferenceTest {

    @ParameterizedTest
    @CsvSource({
            "busybox, docker.io, library/busybox, latest, busybox:latest",
            "busybox:1.36, docker.io, library/busybox, 1.36, busybox:1.36",
            "user/app, docker.io, user/app, latest, user/app:latest",
            "docker.io/library/alpine:3, docker.io, library/alpine, 3, alpine:3",
            "index.docker.io/library/alpine, docker.io, library/alpine, latest, alpine:latest",
            "localhost/app, localhost, app, latest, localhost/app:latest",
            "localhost:5000/a/b:t, localhost:5000, a/b, t, localhost:5000/a/b:t",
            "127.0.0.1:5000/team/app:1, 127.0.0.1:5000, team/app, 1, 127.0.0.1:5000/team/app:1",
            "ghcr.io/org/tool:v1.2, ghcr.io, org/tool, v1.2, ghcr.io/org/tool:v1.2",
    })
    void parsesAsDocker(String text, String domain, String path, String tag, String familiar) {
        RegistryReference reference = RegistryReference.parse(text);
        assertEquals(domain, reference.domain());
        assertEquals(path, reference.path());
        assertEquals(tag, reference.tag());
        assertEquals(familiar, reference.familiarName());
        assertEquals(Optional.empty(), reference.digest());
    }

    @org.junit.jupiter.api.Test
    void digestReferencesPinTheManifestAndRecordNoTag() {
        String hex = "a".repeat(64);
        RegistryReference reference = RegistryReference.parse("busybox@sha256:" + hex);
        assertEquals("sha256:" + hex, reference.manifestReference());
        assertEquals(Optional.empty(), reference.localTag());
        assertEquals("busybox@sha256:" + hex, reference.familiarName());
        assertEquals("docker.io/library/busybox@sha256:" + hex, reference.toString());
        assertEquals("registry-1.docker.io", reference.apiHost());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Busybox", "a b", "busybox:bad/tag", "busybox@sha256:xyz", "host:5000/", ":tag"})
    void refusesWhatDockerRefuses(String text) {
        assertThrows(InvalidSpecException.class, () -> RegistryReference.parse(text));
    }

    @ParameterizedTest
    @CsvSource({
            "'', docker.io",
            "https://index.docker.io/v1/, docker.io",
            "localhost:5000, localhost:5000",
            "http://127.0.0.1:5000/v2/, 127.0.0.1:5000",
    })
    void loginServersNameTheirHost(String server, String host) {
        assertEquals(host, RegistryReference.serverHost(server));
    }
}

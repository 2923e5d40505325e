package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.SnapshotKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memo of exec users holds while the container's /etc/passwd and /etc/group, as its init
 * sees them (here a fake /proc), are unchanged, and no longer.
 */
class ExecUsersTest {
    private static final FileAttributes ATTRS = new FileAttributes(0644, 0, 0, Instant.EPOCH, Map.of());
    private static final SnapshotKey CONTAINER = new SnapshotKey("box");
    private static final int PID = 77;

    @TempDir
    Path proc;

    private final FakeStorage storage = new FakeStorage();
    private ExecUsers users;
    private Path etc;

    @BeforeEach
    void setUp() throws IOException {
        storage.prepare(CONTAINER, Optional.empty());
        layerUid(1000);
        etc = Files.createDirectories(proc.resolve(PID + "/root/etc"));
        Files.writeString(etc.resolve("passwd"), "alice:x:1000:1000::/home/alice:/bin/sh\n");
        Files.writeString(etc.resolve("group"), "");
        users = new ExecUsers(new ContainerUsers(storage), proc);
    }

    /** Puts alice with {@code uid} in the container's layer, without touching the init's view. */
    private void layerUid(int uid) throws IOException {
        if (storage.layers.containsKey(CONTAINER)) {
            storage.layers.get(CONTAINER).clear();
        }
        byte[] passwd = ("alice:x:" + uid + ":1000::/home/alice:/bin/sh\n").getBytes(StandardCharsets.UTF_8);
        storage.write(CONTAINER, new LayerEntry.Directory("etc", ATTRS),
                new LayerEntry.RegularFile("etc/passwd", ATTRS, passwd.length, new ByteArrayInputStream(passwd)));
    }

    private int uid(int pid) {
        return users.resolve(CONTAINER.value(), pid, "alice").uid();
    }

    @Test
    void unchangedFilesAnswerFromTheMemo() throws IOException {
        assertEquals(1000, uid(PID));
        layerUid(2000);
        assertEquals(1000, uid(PID), "the stamps did not move, so the layers were not read again");
    }

    @Test
    void aWriteToPasswdOrGroupIsSeenByTheNextResolution() throws IOException {
        assertEquals(1000, uid(PID));
        layerUid(2000);
        Files.writeString(etc.resolve("passwd"), "alice:x:2000:1000::/home/alice:/bin/sh\n");
        assertEquals(2000, uid(PID));

        layerUid(3000);
        Files.writeString(etc.resolve("group"), "staff:x:50:alice\n");
        assertEquals(3000, uid(PID));

        layerUid(4000);
        Files.delete(etc.resolve("group"));
        assertEquals(4000, uid(PID));
    }

    @Test
    void noPidSymbolicLinksOrAForgottenContainerReadTheLayersEachTime() throws IOException {
        assertEquals(1000, uid(0));
        layerUid(2000);
        assertEquals(2000, uid(0));

        assertEquals(2000, uid(PID));
        users.forget(CONTAINER.value());
        layerUid(3000);
        assertEquals(3000, uid(PID));

        Files.delete(etc.resolve("passwd"));
        Files.createSymbolicLink(etc.resolve("passwd"), etc.resolve("group"));
        assertEquals(3000, uid(PID));
        layerUid(4000);
        assertEquals(4000, uid(PID));
    }
}

package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.launcher.api.ContainerId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A removal takes the container's folder whole, whatever it holds beside the usual files. */
class ContainerStoreTest {
    @TempDir
    Path root;

    @Test
    void aRemovalTakesTheUsualFilesAndAnythingElse() throws Exception {
        ContainerStore store = new ContainerStore(root);
        String id = ContainerId.random().value();
        Path folder = store.folder(id);
        for (String name : List.of("hosts", "hostname", "resolv.conf")) {
            Files.writeString(folder.resolve(name), name);
        }
        Files.writeString(store.logFile(id), "{}\n");
        Files.writeString(store.logFile(id).resolveSibling(id + "-json.log.1"), "{}\n");
        Files.createDirectories(folder.resolve("more/inside"));
        store.delete(id);
        assertFalse(Files.exists(folder));
        try (Stream<Path> left = Files.list(root)) {
            assertEquals(List.of(), left.toList(), "nothing is left, not even a folder being removed");
        }
    }

    @Test
    void aRemovalOfTheUsualFilesAloneLeavesNothing() throws Exception {
        ContainerStore store = new ContainerStore(root);
        String id = ContainerId.random().value();
        Path folder = store.folder(id);
        Files.writeString(folder.resolve("hosts"), "hosts");
        Files.writeString(store.logFile(id), "{}\n");
        store.delete(id);
        try (Stream<Path> left = Files.list(root)) {
            assertEquals(List.of(), left.toList());
        }
    }
}

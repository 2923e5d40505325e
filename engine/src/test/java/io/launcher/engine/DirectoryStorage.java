package io.launcher.engine;

import io.launcher.spi.Availability;
import io.launcher.spi.BackendContext;
import io.launcher.spi.Mount;
import io.launcher.spi.storage.StorageDriver;
import io.launcher.spi.storage.StorageProvider;
import io.launcher.spi.storage.directory.DirectoryStorageDriver;
import io.launcher.spi.storage.directory.FileNodes;
import io.launcher.spi.storage.directory.StoredSnapshot;
import io.launcher.spi.storage.directory.WhiteoutForm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A real snapshotter on plain directories with AUFS-style {@code .wh.} whiteouts, never mounted:
 * layers really get applied and diffed, which pull and push tests need, without a kernel union fs.
 */
final class DirectoryStorage implements StorageProvider {
    private static final String WH = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";

    @Override
    public String name() {
        return "directory";
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public Availability probe() {
        return Availability.yes();
    }

    @Override
    public StorageDriver open(BackendContext context) {
        return new Driver(context.stateDir());
    }

    private static final class Driver extends DirectoryStorageDriver {
        Driver(Path stateDir) {
            super(stateDir, new Whiteouts());
        }

        @Override
        protected List<Mount> mounts(StoredSnapshot snapshot, List<StoredSnapshot> parents) {
            return List.of();
        }

        @Override
        protected void prepareDirectory(Path directory) {
            // nothing beside fs
        }
    }

    private static final class Whiteouts implements WhiteoutForm {
        @Override
        public void writeWhiteout(Path directory, String name) throws IOException {
            Files.createFile(directory.resolve(WH + name));
        }

        @Override
        public void markOpaque(Path directory) throws IOException {
            Files.createFile(directory.resolve(OPAQUE));
        }

        @Override
        public Optional<String> whiteoutOf(Path directory, String name, FileNodes.Stat stat) {
            return name.startsWith(WH) && !name.equals(OPAQUE) ? Optional.of(name.substring(WH.length())) : Optional.empty();
        }

        @Override
        public boolean isOpaque(Path directory) {
            return Files.exists(directory.resolve(OPAQUE));
        }

        @Override
        public boolean isInternalName(String name) {
            return name.equals(OPAQUE);
        }

        @Override
        public boolean isInternalXattr(String name) {
            return false;
        }
    }
}

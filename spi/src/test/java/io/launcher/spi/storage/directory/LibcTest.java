package io.launcher.spi.storage.directory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.SystemCallFailedException;
import io.launcher.spi.storage.LayerEntry.SpecialType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bound calls give what the JDK gives, long values included. */
class LibcTest {
    @TempDir
    Path dir;

    @Test
    void theCallsAreBoundOnThisHost() {
        assertTrue(Libc.Statx.BOUND, "statx binds on a 64-bit glibc of 2.28 or later");
    }

    @Test
    void lstatGivesWhatTheJdkReads() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "hello");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-02T03:04:05.123456789Z")));
        Files.createLink(dir.resolve("hard"), file);
        Path folder = Files.createDirectory(dir.resolve("folder"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), Path.of("missing"));
        Path fifo = dir.resolve("fifo");
        FileNodes.mknod(fifo, SpecialType.FIFO, 0640, 0, 0);
        for (Path path : List.of(file, folder, link, fifo, Path.of("/dev/null"))) {
            assertEquals(jdkLstat(path), FileNodes.lstat(path), path.toString());
        }
        FileNodes.Stat devNull = FileNodes.lstat(Path.of("/dev/null"));
        assertEquals(List.of(true, 1, 3), List.of(devNull.isCharacterDevice(), devNull.major(), devNull.minor()));
        assertEquals(2, FileNodes.lstat(file).links());
        assertThrows(NoSuchFileException.class, () -> FileNodes.lstat(dir.resolve("absent")));
    }

    @Test
    void readlinkReadsTargetsLongerThanTheFirstBuffer() throws IOException {
        String target = "t/".repeat(400) + "end";
        Path link = Files.createSymbolicLink(dir.resolve("link"), Path.of(target));
        assertEquals(target, FileNodes.readlink(link));
        assertEquals("x", FileNodes.readlink(Files.createSymbolicLink(dir.resolve("short"), Path.of("x"))));
    }

    @Test
    void aFailedCallReportsItsErrno() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "");
        SystemCallFailedException notALink = assertThrows(SystemCallFailedException.class, () -> FileNodes.readlink(file));
        assertTrue(notALink.getMessage().contains("EINVAL"), notALink.getMessage());
        SystemCallFailedException absent = assertThrows(SystemCallFailedException.class,
                () -> Xattrs.all(dir.resolve("absent")));
        assertTrue(absent.getMessage().contains("ENOENT"), absent.getMessage());
    }

    @Test
    void xattrsReadLongListsAndValuesAndMissingNames() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "");
        assertEquals(Map.of(), Xattrs.all(file));
        byte[] big = new byte[1000];
        Arrays.fill(big, (byte) 0xff);
        Xattrs.set(file, "user.big", big);
        for (int i = 0; i < 30; i++) {
            Xattrs.set(file, "user.name-number-" + i, ("v" + i).getBytes(StandardCharsets.US_ASCII));
        }
        Map<String, byte[]> all = Xattrs.all(file);
        assertEquals(31, all.size());
        assertArrayEquals(big, all.get("user.big"));
        assertArrayEquals("v29".getBytes(StandardCharsets.US_ASCII), all.get("user.name-number-29"));
        assertArrayEquals(big, Xattrs.get(file, "user.big").orElseThrow());
        assertEquals(Optional.empty(), Xattrs.get(file, "user.absent"));
    }

    private static FileNodes.Stat jdkLstat(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path,
                "unix:mode,uid,gid,ino,nlink,rdev,size,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
        return new FileNodes.Stat((Integer) a.get("mode"), (Integer) a.get("uid"), (Integer) a.get("gid"),
                (Long) a.get("ino"), (Integer) a.get("nlink"), (Long) a.get("rdev"), (Long) a.get("size"),
                ((FileTime) a.get("lastModifiedTime")).toInstant());
    }
}

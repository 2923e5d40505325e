package io.launcher.engine;

import io.launcher.spi.storage.SnapshotKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users execs run as, resolved by {@link ContainerUsers} and remembered per running container
 * and user spec while the container's {@code /etc/passwd} and {@code /etc/group} stay as they
 * were. Reading them through the image's layers costs a walk of every layer, on each exec; Docker
 * resolves against the container's current files at each exec, so an edit must be seen by the
 * next one: a memo holds only while both files, as the container's init sees them (its
 * {@code /proc/<pid>/root}), keep their identity, size and change time. Every write changes the
 * change time (overlay's copy-up as well), and the kernel's multigrain time stamps tell apart a
 * write that follows a stat within one clock tick.
 */
final class ExecUsers {
    /** Distinct user specs remembered per container; execs use one or two. */
    private static final int SPECS_PER_CONTAINER = 16;

    private final ContainerUsers users;
    private final Path proc;
    private final Map<String, Map<String, Memo>> memos = new ConcurrentHashMap<>();

    ExecUsers(ContainerUsers users) {
        this(users, Path.of("/proc"));
    }

    ExecUsers(ContainerUsers users, Path proc) {
        this.users = users;
        this.proc = proc;
    }

    /** A resolution and the stamps of the files it was made from. */
    private record Memo(List<Stamp> stamps, ContainerUsers.ExecUser user) { }

    /** What tells a file's versions apart; a missing file is a stamp too. */
    private record Stamp(Object key, long size, long ctimeNanos, long mtimeNanos, boolean present) {
        static final Stamp MISSING = new Stamp(null, -1, -1, -1, false);
    }

    /** {@code spec} resolved against the current files of container {@code id}; {@code pid} is its init's. */
    ContainerUsers.ExecUser resolve(String id, int pid, String spec) {
        Optional<List<Stamp>> stamps = stamps(pid);
        Map<String, Memo> known = memos.computeIfAbsent(id, c -> new ConcurrentHashMap<>());
        if (stamps.isPresent()) {
            Memo memo = known.get(spec);
            if (memo != null && memo.stamps().equals(stamps.get())) {
                return memo.user();
            }
        }
        // stamped before the read: a write meanwhile leaves a stale stamp, so the next exec reads again
        ContainerUsers.ExecUser user = users.resolve(new SnapshotKey(id), spec);
        if (stamps.isPresent()) {
            if (known.size() >= SPECS_PER_CONTAINER) {
                known.clear();
            }
            known.put(spec, new Memo(stamps.get(), user));
        }
        return user;
    }

    /** Drops what is known of container {@code id} (it is being removed). */
    void forget(String id) {
        memos.remove(id);
    }

    /**
     * The stamps of the two files through the init's root, or empty when they cannot vouch for
     * the content: no pid, or {@code /etc} or a file is a symbolic link (a change of its target
     * would leave the link's stamp as it was).
     */
    private Optional<List<Stamp>> stamps(int pid) {
        if (pid <= 0) {
            return Optional.empty();
        }
        Path root = proc.resolve(Integer.toString(pid)).resolve("root");
        Path etc = root.resolve("etc");
        if (!Files.isDirectory(etc, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        List<Stamp> stamps = new ArrayList<>(2);
        for (String file : List.of(ContainerUsers.PASSWD, ContainerUsers.GROUP)) {
            Optional<Stamp> stamp = stamp(root.resolve(file.substring(1)));
            if (stamp.isEmpty()) {
                return Optional.empty();
            }
            stamps.add(stamp.get());
        }
        return Optional.of(stamps);
    }

    private static Optional<Stamp> stamp(Path file) {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(file, "unix:ino,dev,size,ctime,lastModifiedTime,isRegularFile,isSymbolicLink",
                    LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.of(Stamp.MISSING);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
        if (Boolean.TRUE.equals(a.get("isSymbolicLink"))) {
            return Optional.empty();
        }
        return Optional.of(new Stamp(List.of(a.get("dev"), a.get("ino")), (Long) a.get("size"),
                nanos(a.get("ctime")), nanos(a.get("lastModifiedTime")), true));
    }

    private static long nanos(Object time) {
        Instant i = ((FileTime) time).toInstant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}

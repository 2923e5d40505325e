package io.launcher.engine;

import io.launcher.api.InternalException;
import io.launcher.api.InvalidSpecException;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.StorageDriver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Docker's {@code -u user[:group]}: names and numbers resolved from the container's own
 * {@code /etc/passwd} and {@code /etc/group} (its image's layers and its own), as runc's
 * {@code GetExecUser} does. A name must be in the file; a number need not be.
 */
final class ContainerUsers {
    static final String PASSWD = "/etc/passwd";
    static final String GROUP = "/etc/group";
    private static final long MAX_ID = Integer.MAX_VALUE;

    /** What a process runs as; {@code home} is empty when no passwd entry matched. */
    record ExecUser(int uid, int gid, List<Integer> additionalGids, Optional<String> home) {
        ExecUser {
            additionalGids = List.copyOf(additionalGids);
        }

        /** HOME when the environment has none: the passwd entry's, else {@code /}, as runc does. */
        String homeOrDefault() {
            return home.filter(h -> !h.isEmpty()).orElse("/");
        }
    }

    private final ContainerFiles files;

    ContainerUsers(StorageDriver storage) {
        this.files = new ContainerFiles(storage);
    }

    /** Resolves {@code spec} against the current files of {@code container}'s filesystem. */
    ExecUser resolve(SnapshotKey container, String spec) {
        Map<String, byte[]> read;
        try {
            read = files.read(container, List.of(PASSWD, GROUP));
        } catch (IOException e) {
            throw new InternalException("unable to read the users of the container: " + e.getMessage(), e);
        }
        return resolve(spec, text(read.get(PASSWD)), text(read.get(GROUP)));
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Docker's rules; the empty spec is root. */
    static ExecUser resolve(String spec, String passwd, String group) {
        int colon = spec.indexOf(':');
        String userArg = colon < 0 ? spec : spec.substring(0, colon);
        String groupArg = colon < 0 ? "" : spec.substring(colon + 1);
        Long uidArg = number(userArg);
        Long gidArg = number(groupArg);

        int uid = 0;
        int gid = 0;
        Optional<String> home = Optional.empty();
        String userName = null;
        PasswdEntry match = null;
        for (PasswdEntry e : passwdEntries(passwd)) {
            boolean hit = userArg.isEmpty() ? e.uid == 0 : uidArg == null ? userArg.equals(e.name) : uidArg == e.uid;
            if (hit) {
                match = e;
                break;
            }
        }
        if (match != null) {
            uid = match.uid;
            gid = match.gid;
            home = Optional.of(match.home);
            userName = match.name;
        } else if (!userArg.isEmpty()) {
            if (uidArg == null) {
                throw new InvalidSpecException("unable to find user " + userArg + ": no matching entries in passwd file");
            }
            uid = inRange(uidArg);
        }

        List<Integer> additional = new ArrayList<>();
        if (!groupArg.isEmpty()) {
            GroupEntry found = null;
            for (GroupEntry g : groupEntries(group)) {
                if (gidArg == null ? groupArg.equals(g.name) : gidArg == g.gid) {
                    found = g;
                    break;
                }
            }
            if (found != null) {
                gid = found.gid;
            } else if (gidArg == null) {
                throw new InvalidSpecException("unable to find group " + groupArg + ": no matching entries in group file");
            } else {
                gid = inRange(gidArg);
            }
        } else if (userName != null) {
            for (GroupEntry g : groupEntries(group)) {
                if (g.members.contains(userName) && !additional.contains(g.gid)) {
                    additional.add(g.gid);
                }
            }
        }
        return new ExecUser(uid, gid, additional, home);
    }

    private static int inRange(long id) {
        if (id < 0 || id > MAX_ID) {
            throw new InvalidSpecException("uids and gids must be in range 0-" + MAX_ID);
        }
        return (int) id;
    }

    /** The number, or null when {@code s} is not a decimal number (a name). */
    private static Long number(String s) {
        if (!s.matches("-?[0-9]+")) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return s.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private record PasswdEntry(String name, int uid, int gid, String home) { }

    private record GroupEntry(String name, int gid, List<String> members) { }

    private static List<PasswdEntry> passwdEntries(String text) {
        List<PasswdEntry> entries = new ArrayList<>();
        for (String[] f : lines(text)) {
            Long uid = f.length > 2 ? number(f[2]) : null;
            Long gid = f.length > 3 ? number(f[3]) : null;
            if (uid == null || gid == null || uid < 0 || uid > MAX_ID || gid < 0 || gid > MAX_ID) {
                continue;
            }
            entries.add(new PasswdEntry(f[0], uid.intValue(), gid.intValue(), f.length > 5 ? f[5] : ""));
        }
        return entries;
    }

    private static List<GroupEntry> groupEntries(String text) {
        List<GroupEntry> entries = new ArrayList<>();
        for (String[] f : lines(text)) {
            Long gid = f.length > 2 ? number(f[2]) : null;
            if (gid == null || gid < 0 || gid > MAX_ID) {
                continue;
            }
            List<String> members = new ArrayList<>();
            if (f.length > 3) {
                for (String m : f[3].split(",")) {
                    if (!m.isBlank()) {
                        members.add(m.strip());
                    }
                }
            }
            entries.add(new GroupEntry(f[0], gid.intValue(), members));
        }
        return entries;
    }

    private static List<String[]> lines(String text) {
        List<String[]> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            lines.add(trimmed.split(":", -1));
        }
        return lines;
    }
}

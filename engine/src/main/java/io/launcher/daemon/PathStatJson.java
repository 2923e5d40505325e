package io.launcher.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.PathStat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Docker's {@code X-Docker-Container-Path-Stat} header: base64 of {@code {name, size, mode, mtime,
 * linkTarget}}, where {@code mode} is a Go {@code os.FileMode} (type bits high, permissions low),
 * not a Unix mode: the docker CLI decides "directory or file" from those high bits.
 */
public final class PathStatJson {
    public static final String HEADER = "X-Docker-Container-Path-Stat";

    private static final long GO_DIR = 1L << 31;
    private static final long GO_SYMLINK = 1L << 27;
    private static final long GO_DEVICE = 1L << 26;
    private static final long GO_NAMED_PIPE = 1L << 25;
    private static final long GO_SOCKET = 1L << 24;
    private static final long GO_SETUID = 1L << 23;
    private static final long GO_SETGID = 1L << 22;
    private static final long GO_CHAR_DEVICE = 1L << 21;
    private static final long GO_STICKY = 1L << 20;

    private PathStatJson() {
    }

    public static String encode(PathStat stat) {
        ObjectNode node = DockerJson.object().put("name", stat.name()).put("size", stat.size())
                .put("mode", goMode(stat.mode())).put("mtime", DockerTime.format(stat.modified()))
                .put("linkTarget", stat.linkTarget());
        return Base64.getEncoder().encodeToString(JsonTrees.bytes(node));
    }

    public static PathStat decode(String header) {
        try {
            JsonNode node = JsonTrees.read(Base64.getDecoder().decode(header));
            return new PathStat(DockerJson.text(node, "name"), (long) DockerJson.number(node, "size"),
                    unixMode((long) DockerJson.number(node, "mode")), DockerTime.parse(DockerJson.text(node, "mtime")),
                    DockerJson.text(node, "linkTarget"));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidSpecException("invalid " + HEADER + " header: " + e.getMessage());
        }
    }

    static long goMode(int unix) {
        long mode = unix & 0777;
        mode |= switch (unix & PathStat.TYPE_MASK) {
            case PathStat.DIRECTORY -> GO_DIR;
            case PathStat.SYMLINK -> GO_SYMLINK;
            case 0010000 -> GO_NAMED_PIPE;
            case 0020000 -> GO_DEVICE | GO_CHAR_DEVICE;
            case 0060000 -> GO_DEVICE;
            case 0140000 -> GO_SOCKET;
            default -> 0L;
        };
        mode |= (unix & 04000) != 0 ? GO_SETUID : 0;
        mode |= (unix & 02000) != 0 ? GO_SETGID : 0;
        mode |= (unix & 01000) != 0 ? GO_STICKY : 0;
        return mode;
    }

    static int unixMode(long go) {
        int type;
        if ((go & GO_DIR) != 0) {
            type = PathStat.DIRECTORY;
        } else if ((go & GO_SYMLINK) != 0) {
            type = PathStat.SYMLINK;
        } else if ((go & GO_NAMED_PIPE) != 0) {
            type = 0010000;
        } else if ((go & GO_SOCKET) != 0) {
            type = 0140000;
        } else if ((go & GO_DEVICE) != 0) {
            type = (go & GO_CHAR_DEVICE) != 0 ? 0020000 : 0060000;
        } else {
            type = PathStat.REGULAR;
        }
        int mode = type | (int) (go & 0777);
        mode |= (go & GO_SETUID) != 0 ? 04000 : 0;
        mode |= (go & GO_SETGID) != 0 ? 02000 : 0;
        mode |= (go & GO_STICKY) != 0 ? 01000 : 0;
        return mode;
    }
}

package io.launcher.backend.lxc;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import io.launcher.api.SystemCallFailedException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * kill(2) on host pids, and the members of a pid namespace found through /proc/PID/ns/pid.
 * LXC 5 has no lxc-kill, and lxc-stop only stops; the JDK cannot send an arbitrary signal.
 */
final class ProcessSignals {
    private static final int ESRCH = 3;
    private static final Path PROC = Path.of("/proc");

    interface LibC extends Library {
        int kill(int pid, int signal) throws LastErrorException;
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private ProcessSignals() {
    }

    /** Sends the signal; a process that is already gone is not an error. */
    static void kill(int pid, int signal) {
        try {
            Holder.LIBC.kill(pid, signal);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != ESRCH) {
                throw new SystemCallFailedException("send signal " + signal + " to", "process " + pid, errno(e.getErrorCode()), e);
            }
        }
    }

    /** Host pids of every process in the pid namespace of {@code init}, init excluded. */
    static List<Integer> namespaceMembers(int init) {
        List<Integer> members = new ArrayList<>();
        Path namespace;
        try {
            namespace = Files.readSymbolicLink(PROC.resolve(init + "/ns/pid"));
        } catch (IOException e) {
            return members;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path entry : entries) {
                int pid = Integer.parseInt(entry.getFileName().toString());
                if (pid != init && namespace.equals(readLink(entry.resolve("ns/pid")))) {
                    members.add(pid);
                }
            }
        } catch (IOException e) {
            throw new SystemCallFailedException("list", PROC.toString(), String.valueOf(e.getMessage()), e);
        }
        return members;
    }

    /** The direct children of {@code parent}: for lxc-init, the user's process. */
    static List<Integer> children(int parent) {
        List<Integer> children = new ArrayList<>();
        for (int pid : namespaceMembers(parent)) {
            if (parentOf(pid) == parent) {
                children.add(pid);
            }
        }
        return children;
    }

    /** Field 4 of /proc/PID/stat, read after the last ')' since the command name may hold any character. */
    private static int parentOf(int pid) {
        try {
            String stat = Files.readString(PROC.resolve(pid + "/stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Path readLink(Path link) {
        try {
            return Files.readSymbolicLink(link);
        } catch (IOException e) {
            return null;
        }
    }

    private static String errno(int code) {
        return switch (code) {
            case 1 -> "EPERM";
            case 22 -> "EINVAL";
            default -> "errno " + code;
        };
    }
}

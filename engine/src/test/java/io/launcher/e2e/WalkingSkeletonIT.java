package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.e2e.Distribution.Result;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Issue 2's slice through the real CLI, daemon, engine and plugins: import, images, run, ps, logs, rm. */
@Tag("privileged")
class WalkingSkeletonIT {
    private static Distribution launcher;

    @BeforeAll
    static void start() throws Exception {
        launcher = Distribution.start().withBaseImage();
    }

    @AfterAll
    static void stop() throws Exception {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void imagesListsTheImportedBase() throws Exception {
        Result images = launcher.launcher("images");
        assertEquals(0, images.exitCode(), images.err());
        assertTrue(images.out().startsWith("REPOSITORY   TAG       IMAGE ID       CREATED"), images.out());
        assertTrue(images.out().lines().anyMatch(l -> l.startsWith("base         latest")), images.out());
    }

    @Test
    void runEchoPrintsHelloAndExitsZero() throws Exception {
        Result run = launcher.launcher("run", "--rm", "base", "/bin/echo", "hello");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("hello\n", run.out());
    }

    @Test
    void runGivesTheContainersExitCode() throws Exception {
        assertEquals(3, launcher.launcher("run", "--rm", "base", "sh", "-c", "exit 3").exitCode());
    }

    @Test
    void aMissingCommandExits127AndSaysWhy() throws Exception {
        Result run = launcher.launcher("run", "--rm", "base", "no-such-command");
        assertEquals(127, run.exitCode());
        assertTrue(run.err().contains("no-such-command"), run.err());
    }

    @Test
    void anUnknownImageExits125WithOneLine() throws Exception {
        // --pull never: a missing image is otherwise pulled first, and tests never reach Docker Hub.
        Result run = launcher.launcher("run", "--rm", "--pull", "never", "--network", "none", "no-such-image", "true");
        assertEquals(125, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void usersAndGroupsAreResolvedFromTheContainersPasswdAndGroup() throws Exception {
        Result nobody = launcher.launcher("run", "--rm", "--network", "none", "-u", "nobody", "base", "sh", "-c", "id; echo $HOME");
        assertEquals(0, nobody.exitCode(), nobody.err());
        assertTrue(nobody.out().startsWith("uid=65534(nobody) gid=65534(nogroup)"), nobody.out());
        assertTrue(nobody.out().contains("\n/nonexistent\n"), nobody.out());
        Result withGroup = launcher.launcher("run", "--rm", "--network", "none", "-u", "nobody:root", "base", "id");
        assertEquals(0, withGroup.exitCode(), withGroup.err());
        assertTrue(withGroup.out().startsWith("uid=65534(nobody) gid=0(root)"), withGroup.out());
        Result numeric = launcher.launcher("run", "--rm", "--network", "none", "-u", "4321:root", "base", "id");
        assertEquals(0, numeric.exitCode(), numeric.err());
        assertTrue(numeric.out().startsWith("uid=4321 gid=0(root)"), numeric.out());
        Result unknown = launcher.launcher("run", "--rm", "--network", "none", "-u", "nosuch", "base", "id");
        assertEquals(125, unknown.exitCode());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
        assertTrue(unknown.err().contains("unable to find user nosuch: no matching entries in passwd file"), unknown.err());
    }

    @Test
    void aUserAddedInTheContainerCountsAtExec() throws Exception {
        assertEquals(0, launcher.launcher("run", "-d", "--name", "users", "--network", "none", "base", "sleep", "60").exitCode());
        try {
            assertEquals(0, launcher.launcher("exec", "users", "sh", "-c",
                    "echo bob:x:1234:65534::/home/bob:/bin/sh >> /etc/passwd").exitCode());
            Result bob = launcher.launcher("exec", "-u", "bob", "users", "id");
            assertEquals(0, bob.exitCode(), bob.err());
            assertTrue(bob.out().startsWith("uid=1234(bob) gid=65534(nogroup)"), bob.out());
        } finally {
            launcher.launcher("rm", "-f", "users");
        }
    }

    @Test
    void theContainerIsIsolated() throws Exception {
        Result run = launcher.launcher("run", "--rm", "--network", "none", "-h", "box", "base", "sh", "-c",
                "hostname; echo $$; ls /sys/class/net; awk '$5 == \"/\"' /proc/self/mountinfo | wc -l; ls /proc | grep -c '^[0-9]'");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals("box", lines[0], "own UTS namespace");
        assertTrue(Integer.parseInt(lines[1]) < 10, "own PID namespace: the shell's pid is " + lines[1]);
        assertEquals("lo", lines[2], "own network namespace with loopback only");
        assertEquals("1", lines[3], "one root mount: pivot_root into the overlay, the host's root gone");
        assertTrue(Integer.parseInt(lines[4]) < 6, "/proc of its own PID namespace lists only its processes");
    }

    @Test
    void seccompIsOnByDefaultAndOffWithSecurityOptUnconfined() throws Exception {
        Result confined = launcher.launcher("run", "--rm", "--network", "none", "base", "sh", "-c",
                "grep Seccomp: /proc/self/status; unshare -U true 2>/dev/null; echo userns=$?");
        assertEquals("Seccomp:\t2\nuserns=1\n", confined.out(), confined.err());
        Result unconfined = launcher.launcher("run", "--name", "unconfined", "--security-opt", "seccomp=unconfined",
                "--network", "none", "base", "grep", "Seccomp:", "/proc/self/status");
        assertEquals("Seccomp:\t0", unconfined.outLine(), unconfined.err());
        Result inspect = launcher.launcher("inspect", "--format", "{{json .HostConfig.SecurityOpt}}", "unconfined");
        assertEquals("[\"seccomp=unconfined\"]", inspect.outLine(), inspect.err());
        assertEquals(0, launcher.launcher("rm", "unconfined").exitCode());
        Result bad = launcher.launcher("run", "--rm", "--security-opt", "bogus", "base", "true");
        assertEquals(125, bad.exitCode());
        assertTrue(bad.err().strip().endsWith("invalid --security-opt 1: \"bogus\""), bad.err());
    }

    @Test
    void theRootFilesystemIsCopyOnWrite() throws Exception {
        Result write = launcher.launcher("run", "--network", "none", "--name", "writer", "base", "sh", "-c",
                "echo changed > /bin/busybox-note; rm /bin/ls");
        assertEquals(0, write.exitCode(), write.err());
        Result fresh = launcher.launcher("run", "--rm", "--network", "none", "base", "sh", "-c",
                "test ! -e /bin/busybox-note && test -e /bin/ls && echo untouched");
        assertEquals("untouched", fresh.outLine(), fresh.err());
        assertEquals(0, launcher.launcher("rm", "writer").exitCode());
    }

    @Test
    void psLogsAndRm() throws Exception {
        Result run = launcher.launcher("run", "--name", "talker", "--network", "none", "base", "sh", "-c",
                "echo out; echo err >&2");
        assertEquals(0, run.exitCode(), run.err());
        Result ps = launcher.launcher("ps", "-a");
        assertTrue(ps.out().lines().anyMatch(l -> l.contains("talker") && l.contains("Exited (0)")), ps.out());
        Result logs = launcher.launcher("logs", "talker");
        assertEquals("out\n", logs.out());
        assertEquals("err\n", logs.err());
        assertEquals(0, launcher.launcher("rm", "talker").exitCode());
        Result after = launcher.launcher("ps", "-a");
        assertFalse(after.out().contains("talker"), after.out());
        assertEquals(1, launcher.launcher("logs", "talker").exitCode());
    }

    @Test
    void runRmLeavesNoContainerAndNoSnapshot() throws Exception {
        long before = Files.list(launcher.root().resolve("containers")).count();
        assertEquals(0, launcher.launcher("run", "--rm", "--network", "none", "base", "true").exitCode());
        assertEquals(before, Files.list(launcher.root().resolve("containers")).count());
    }

    @Test
    void infoNamesEveryPluginFoundOnTheModulePath() throws Exception {
        Result info = launcher.launcher("info");
        assertEquals(0, info.exitCode(), info.err());
        for (String plugin : new String[] {"isolation: native", "isolation: lxc", "storage: overlay", "storage: aufs",
            "network: bridge"}) {
            assertTrue(info.out().contains(plugin), plugin + " missing from info:\n" + info.out());
        }
        assertTrue(info.out().contains("storage: aufs (unavailable: this kernel has no AUFS support)")
                || info.out().contains("storage: aufs (selected)"), info.out());
    }
}

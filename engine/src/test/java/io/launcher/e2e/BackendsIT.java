package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.e2e.Distribution.Result;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 7: one user scenario (import, run, exit codes, logs, commit, limits, network, info) on
 * both isolation backends, each through a daemon of its own started with {@code --backend NAME}.
 * The lxc invocation is skipped, with the reason, where LXC's tools are missing.
 */
@Tag("privileged")
@ParameterizedClass(name = "--backend {0}")
@ValueSource(strings = {"native", "lxc"})
class BackendsIT extends PerBackend {


    private static Result ok(String... args) throws Exception {
        return launcher.launcherOk(args);
    }

    @Test
    void infoNamesTheChosenBackend() throws Exception {
        assertEquals(backend, ok("info", "-f", "{{.IsolationBackend}}").outLine());
    }

    @Test
    void runPrintsAndExitsZero() throws Exception {
        assertEquals("hello from " + backend, ok("run", "--rm", "base", "echo", "hello from " + backend).outLine());
    }

    @Test
    void theExitCodeReachesTheUser() throws Exception {
        assertEquals(3, launcher.launcher("run", "--rm", "base", "sh", "-c", "exit 3").exitCode());
    }

    @Test
    void logsOfAFinishedContainer() throws Exception {
        String id = ok("run", "-d", "base", "sh", "-c", "echo one; echo two >&2").outLine();
        assertEquals("0", ok("wait", id).outLine());
        Result logs = ok("logs", id);
        assertEquals("one", logs.out().strip());
        assertEquals("two", logs.err().strip());
        ok("rm", id);
    }

    @Test
    void aCommittedChangeRunsAsAnImage() throws Exception {
        String id = ok("run", "-d", "base", "sh", "-c", "echo kept > /marker").outLine();
        assertEquals("0", ok("wait", id).outLine());
        ok("commit", id, "marked-" + backend);
        ok("rm", id);
        assertEquals("kept", ok("run", "--rm", "marked-" + backend, "cat", "/marker").outLine());
        ok("rmi", "marked-" + backend);
    }

    @Test
    void aMemoryLimitKillsWhatExceedsIt() throws Exception {
        // Holds 128 MiB in a shell variable: past -m 32m (no swap here) the OOM killer ends it.
        String name = "oom-" + backend;
        Result result = launcher.launcher("run", "--name", name, "-m", "32m", "base",
                "sh", "-c", "x=$(head -c 134217728 /dev/zero | tr '\\0' a); echo survived");
        assertEquals(137, result.exitCode(), "a process over -m 32m was not OOM-killed: " + result.out() + result.err());
        assertTrue(!result.out().contains("survived"), result.out());
        assertEquals("true 137", ok("inspect", "-f", "{{.State.OOMKilled}} {{.State.ExitCode}}", name).outLine());
        ok("rm", name);
        assertEquals("fine", ok("run", "--rm", "-m", "32m", "base", "echo", "fine").outLine());
    }

    @Test
    void aTerminalIsTheControllingTtyAndCarriesBothStreams() throws Exception {
        Result result = ok("run", "--rm", "-t", "base", "sh", "-c",
                "tty; test -t 1 && echo stdout-is-a-tty; echo to-stderr >&2");
        assertTrue(result.out().startsWith("/dev/pts/0\r\nstdout-is-a-tty\r\nto-stderr\r\n"), result.out());
        assertEquals("", result.err());
    }

    @Test
    void aPidsLimitRefusesForks() throws Exception {
        Result result = launcher.launcher("run", "--rm", "--pids-limit", "4", "base", "sh", "-c",
                "for i in 1 2 3 4 5 6 7 8; do sleep 5 & done; wait");
        assertTrue(result.exitCode() != 0 || result.err().contains("fork") || result.out().contains("fork"),
                "eight forks under --pids-limit 4 all succeeded: " + result);
    }

    @Test
    void networkNoneHasOnlyLoopback() throws Exception {
        assertEquals("lo", ok("run", "--rm", "--network", "none", "base", "ls", "/sys/class/net").outLine());
    }

    @Test
    void theBridgeGivesEth0AnAddress() throws Exception {
        String out = ok("run", "--rm", "base", "ip", "-4", "addr", "show", "eth0").out();
        assertTrue(out.contains("inet 10.87."), "eth0 has no 10.87. address: " + out);
    }
}

package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code run -it base /bin/sh} and {@code exec -it} in a real terminal (a tmux pane of its own
 * server): typing, the window size and its changes, exit codes, the user's terminal restored
 * afterwards, and ctrl-p ctrl-q detaching with {@code attach} getting back in; on both backends
 * (lxc skipped, with the reason, where LXC's tools are missing).
 */
@Tag("privileged")
@ParameterizedClass(name = "--backend {0}")
@ValueSource(strings = {"native", "lxc"})
class TerminalIT {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static Distribution launcher;
    private Path tmuxSocket;

    /** The backend's name, which the daemon of this invocation was started with. */
    @Parameter
    String backend;

    @BeforeParameterizedClassInvocation
    static void start(String backend) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "tmux is not installed");
        if (backend.equals("lxc")) {
            assumeTrue(Files.isExecutable(Path.of("/usr/bin/lxc-execute")), "lxc-execute is not installed (Debian's lxc package)");
        }
        launcher = Distribution.start(List.of("--backend", backend)).withBaseImage();
        Distribution.Result probe = launcher.launcher("run", "--rm", "-t", "base", "/bin/sh", "-c", "test -t 0 && echo tty");
        assumeTrue(probe.exitCode() == 0 && probe.outLine().equals("tty"),
                "the isolation backend gives containers no terminal yet (backend-native's tty support): " + probe.err());
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        if (launcher != null) {
            launcher.close();
            launcher = null;
        }
    }

    @AfterEach
    void killTmux() throws Exception {
        if (tmuxSocket != null) {
            tmux("kill-server");
        }
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", tmuxSocket.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    /** Starts the CLI in a 100x30 pane; after it exits the pane shows its code and whether the terminal is cooked again. */
    private void pane(String cliArgs) throws IOException, InterruptedException {
        tmuxSocket = launcher.root().resolve("tmux-" + System.nanoTime() + ".sock");
        String cli = launcher.home().resolve("bin/launcher") + " --root " + launcher.root() + " -H unix://" + launcher.socket();
        String script = cli + " " + cliArgs + "; echo EXIT=$?; stty -a | grep -q ' icanon' && echo COOKED; sleep 600";
        tmux("new-session", "-d", "-x", "100", "-y", "30", "sh", "-c", script);
    }

    private String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-J");
    }

    private void type(String keys) throws IOException, InterruptedException {
        tmux("send-keys", "-l", keys);
        tmux("send-keys", "Enter");
    }

    /**
     * The new size travels SIGWINCH -> CLI -> engine -> monitor while the shell may already run
     * the next command: asks again until the container's terminal reports it (or patience ends).
     */
    private void awaitSize(String expected) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        String text = screen();
        while (!text.contains(expected)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("'" + expected + "' never appeared; the screen:\n" + text);
            }
            type("stty size");
            Thread.sleep(500);
            text = screen();
        }
    }

    private String await(String expected) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        String text = screen();
        while (!text.contains(expected)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("'" + expected + "' never appeared; the screen:\n" + text);
            }
            Thread.sleep(100);
            text = screen();
        }
        return text;
    }

    @Test
    void interactiveShellTakesInputFollowsTheWindowAndRestoresTheTerminal() throws Exception {
        pane("run -it --rm base /bin/sh");
        await("# ");
        type("echo $((6*7))");
        await("42");
        type("stty size");
        await("30 100");
        tmux("resize-window", "-x", "120", "-y", "40");
        awaitSize("40 120");
        type("exit 3");
        String after = await("COOKED");
        assertTrue(after.contains("EXIT=3"), after);
    }

    @Test
    void ctrlPCtrlQDetachesAndAttachGetsBackIn() throws Exception {
        pane("run -it --name detachable base /bin/sh");
        await("# ");
        tmux("send-keys", "C-p", "C-q");
        String detached = await("COOKED");
        assertTrue(detached.contains("EXIT=0"), detached);
        assertEquals("true", launcher.launcher("inspect", "-f", "{{.State.Running}}", "detachable").outLine());
        killTmux();
        pane("attach detachable");
        type("echo back-$((1+1))");
        await("back-2");
        type("exit 5");
        String ended = await("COOKED");
        assertTrue(ended.contains("EXIT=5"), ended);
        assertEquals("5", launcher.launcher("inspect", "-f", "{{.State.ExitCode}}", "detachable").outLine());
    }

    @Test
    void execItTakesInputFollowsTheWindowAndReturnsTheCode() throws Exception {
        assertEquals(0, launcher.launcher("run", "-d", "--name", "execd", "base", "sleep", "600").exitCode());
        pane("exec -it execd /bin/sh");
        await("# ");
        type("echo $((6*7)) $(tty)");
        await("42 /dev/pts/");
        type("stty size");
        await("30 100");
        tmux("resize-window", "-x", "120", "-y", "40");
        awaitSize("40 120");
        type("exit 4");
        String after = await("COOKED");
        assertTrue(after.contains("EXIT=4"), after);
        assertEquals(0, launcher.launcher("rm", "-f", "execd").exitCode());
    }
}

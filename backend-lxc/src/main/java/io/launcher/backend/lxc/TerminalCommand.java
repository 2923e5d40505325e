package io.launcher.backend.lxc;

import java.util.List;

/**
 * Runs an LXC tool on a fresh pseudo-terminal, so that it gives the container's process a
 * terminal of the container's own. lxc-execute and lxc-attach allocate that terminal (the
 * console, {@code /dev/pts/0} in the container's devpts for lxc-execute) only when their own
 * stdin is a terminal, which they then proxy to it in raw mode and whose window size they pass
 * on at SIGWINCH. The host terminal comes from util-linux's {@code script}: it makes the tool a
 * session leader on the pty, relays its own stdin to it (and types ^D at end of input), and its
 * output to its stdout; {@code -e} returns the tool's exit code.
 *
 * <p>LXC sets the host pty raw once it proxies (input waits for that: {@link TerminalInput}),
 * but keeps output processing on ({@code opost onlcr}, as the pty starts): every newline that
 * leaves it has gained a carriage return in front, which {@link TerminalOutput} and the
 * supervisor's relay take off again, so the stream reads exactly as the container's terminal
 * wrote it.
 */
final class TerminalCommand {
    private TerminalCommand() {
    }

    /** {@code script -q -e -c 'exec TOOL...' /dev/null}; run it with SHELL set to {@link #shell}. */
    static List<String> wrap(HostTools tools, List<String> command) {
        return List.of(tools.script().toString(), "-q", "-e", "-c", "exec " + ShellWord.quoteAll(command), "/dev/null");
    }

    /** The shell {@code script} runs the command with (it reads {@code $SHELL}). */
    static String shell(HostTools tools) {
        return tools.bash().toString();
    }
}

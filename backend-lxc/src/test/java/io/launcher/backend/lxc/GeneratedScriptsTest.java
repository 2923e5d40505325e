package io.launcher.backend.lxc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.api.ContainerId;
import io.launcher.api.ExitStatus;
import io.launcher.api.ResourceLimits;
import io.launcher.spi.Mount;
import io.launcher.spi.isolation.Capabilities;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.isolation.ProcessSpec;
import io.launcher.spi.isolation.SandboxSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated hook and supervisor scripts parse, quote hostile values, and the exit codes read as Docker's. */
class GeneratedScriptsTest {
    @TempDir
    Path temp;

    static final HostTools TOOLS = new HostTools(Path.of("/usr/bin/lxc-execute"), Path.of("/usr/bin/lxc-attach"),
            Path.of("/bin/bash"), Path.of("/usr/bin/setsid"), Path.of("/usr/bin/script"));

    SandboxSpec spec() {
        return spec(false);
    }

    SandboxSpec spec(boolean terminal) {
        ProcessSpec process = new ProcessSpec(List.of("it's", "$(reboot)", "`x`"), List.of("PATH=/bin:/usr/bin"), "/", 0, 0,
                List.of(), terminal, terminal);
        return new SandboxSpec(ContainerId.random(), List.of(new Mount("overlay", "overlay",
                List.of("lowerdir=/a:/b", "upperdir=/u", "workdir=/w"))), process, "box", new NetworkAttachment.Private(),
                ResourceLimits.NONE, List.of(), false, temp.resolve("it's log.json"), Capabilities.DOCKER_DEFAULT);
    }

    int bashSyntax(String script) throws Exception {
        Path file = Files.writeString(temp.resolve("script"), script);
        Process bash = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("", out);
        return bash.waitFor();
    }

    @Test
    void scriptsAreValidBashWithEveryValueQuoted() throws Exception {
        assumeTrue(HostProbe.find("bash").isPresent(), "needs bash");
        ContainerDir dir = new ContainerDir(temp.resolve("containers/" + "a".repeat(64)));
        String hook = HookScript.render(spec(), dir);
        String supervise = SupervisorScript.render(spec(), dir, TOOLS);
        assertEquals(0, bashSyntax(hook));
        assertEquals(0, bashSyntax(supervise));
        assertTrue(hook.contains("mount -t 'overlay' -o 'lowerdir=/a:/b,upperdir=/u,workdir=/w' 'overlay' \"$rootfs\""), hook);
        assertTrue(supervise.contains("'--' 'it'\\''s' '$(reboot)' '`x`' < \"$stdin\""), supervise);
    }

    /**
     * Mountpoints, --device folders and file mountpoints all make a missing folder through one
     * shell function: one place says "only when missing", and a function call forks nothing.
     */
    @Test
    void theHookMakesAMissingFolderInOnePlace() {
        String hook = HookScript.render(spec(), new ContainerDir(temp.resolve("containers/" + "c".repeat(64))));
        assertEquals(1, hook.split("mkdir -p", -1).length - 1, hook);
        assertTrue(hook.contains("make_dir() { [ -d \"$1\" ] || mkdir -p \"$1\"; }"), hook);
    }

    @Test
    void aTerminalRunsLxcExecuteUnderScriptWithTheCommandQuotedTwice() throws Exception {
        assumeTrue(HostProbe.find("bash").isPresent(), "needs bash");
        ContainerDir dir = new ContainerDir(temp.resolve("containers/" + "b".repeat(64)));
        String supervise = SupervisorScript.render(spec(true), dir, TOOLS);
        assertEquals(0, bashSyntax(supervise));
        assertTrue(supervise.contains("terminal=true"), supervise);
        assertTrue(supervise.contains("SHELL='/bin/bash' '/usr/bin/script' '-q' '-e' '-c' 'exec '\\''/usr/bin/lxc-execute'\\'' "),
                supervise);
        List<String> wrapped = TerminalCommand.wrap(TOOLS, List.of("lxc-attach", "--", "it's"));
        Process shell = new ProcessBuilder("bash", "-c", "set -- " + ShellWord.quoteAll(wrapped) + "; printf '%s\\n' \"$5\"")
                .redirectErrorStream(true).start();
        assertEquals("exec 'lxc-attach' '--' 'it'\\''s'\n",
                new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void theSearchPathIsTheContainersOrDockersDefault() {
        assertEquals("/bin:/usr/bin", HookScript.searchPath(List.of("A=1", "PATH=/bin:/usr/bin")));
        assertEquals(HookScript.DEFAULT_PATH, HookScript.searchPath(List.of("A=1")));
    }

    @Test
    void exitCodesAboveOneTwentyEightReadAsSignals() {
        assertEquals(ExitStatus.exited(0), ExitFile.status(0, false));
        assertEquals(ExitStatus.exited(127), ExitFile.status(127, false));
        assertEquals(ExitStatus.killed(9, false), ExitFile.status(137, false));
        assertEquals(ExitStatus.exited(255), ExitFile.status(255, false));
    }

    @Test
    void lxcExecutesOneAfterAnOomKillIsTheOomKill() {
        assertEquals(ExitStatus.killed(9, true), ExitFile.status(1, true));
        assertEquals(ExitStatus.exited(1), ExitFile.status(1, false));
        assertEquals(ExitStatus.killed(9, true), ExitFile.status(137, true));
    }
}

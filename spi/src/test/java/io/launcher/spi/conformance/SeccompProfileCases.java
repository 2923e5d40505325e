package io.launcher.spi.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.spi.isolation.Sandbox;
import io.launcher.spi.isolation.SandboxSpec;
import io.launcher.spi.isolation.SeccompFilter;
import io.launcher.spi.isolation.SeccompFilter.Action;
import io.launcher.spi.isolation.SeccompFilter.ActionKind;
import io.launcher.spi.isolation.SeccompFilter.Condition;
import io.launcher.spi.isolation.SeccompFilter.Op;
import io.launcher.spi.isolation.SeccompFilter.Rule;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Custom seccomp profiles ({@code --security-opt seccomp=profile.json}, resolved by the engine
 * into a {@link SeccompFilter}): the backend applies exactly the filter's rules to the process
 * and its execs, instead of the default filter. Probed with busybox's chmod, which calls
 * {@code chmod} (or {@code fchmodat}/{@code fchmodat2}, named too) with the mode as an argument.
 */
abstract class SeccompProfileCases extends ProcessCases {
    private static final List<String> CHMODS = List.of("chmod", "fchmodat", "fchmodat2");
    private static final String CHMOD_PROBES = String.join("; ", "touch /kit-file",
            "chmod 644 /kit-file; echo plain=$?", "chmod 755 /kit-file; echo exec-bit=$?",
            "unshare -U true; echo userns=$?");

    private static SandboxSpec withFilter(SandboxSpec spec, Rule... rules) {
        return KitRunner.withSeccompFilter(spec, new SeccompFilter(Action.ALLOW, List.of("SCMP_ARCH_X86_64"), List.of(rules)));
    }

    /** chmod denied with EPERM: nothing else (a user namespace, which the default filter refuses, is allowed). */
    @Test
    void aCustomProfileDeniesItsCallsWithTheirErrnoInTheProcessAndItsExecs() throws Exception {
        Rule deny = new Rule(CHMODS, Action.errno(1), List.of());
        KitRunner.Run run = runner.run(backend, withFilter(runner.spec("sh", "-c", "grep Seccomp: /proc/self/status; " + CHMOD_PROBES), deny));
        assertEquals(List.of("Seccomp:\t2", "plain=1", "exec-bit=1", "userns=0"), run.stdout().lines().toList(), run.stderr());
        assertTrue(run.stderr().contains("Operation not permitted"), run.stderr());
        Sandbox sandbox = runner.create(backend, withFilter(runner.spec("sleep", "60"), deny));
        sandbox.start();
        KitRunner.Exec exec = KitRunner.exec(sandbox, "sh", "-c", "touch /x; chmod 600 /x");
        assertEquals(1, exec.code(), exec.stderr());
        assertTrue(exec.stderr().contains("Operation not permitted"), exec.stderr());
    }

    /**
     * Denied only when the mode has the owner's execute bit (a masked comparison), with EACCES;
     * a rule comparing the mode's 64 bits with 2^32 must not match a small mode (the high word
     * counts); the first rule that matches decides.
     */
    @Test
    void argumentRulesMatchOnTheArgumentsValue() throws Exception {
        Rule highWord = new Rule(List.of("chmod"), new Action(ActionKind.KILL_PROCESS, 0),
                List.of(new Condition(1, 1L << 32, 0, Op.GE)));
        Rule chmod = new Rule(List.of("chmod"), Action.errno(13), List.of(new Condition(1, 0100, 0100, Op.MASKED_EQ)));
        Rule fchmodat = new Rule(List.of("fchmodat", "fchmodat2"), Action.errno(13),
                List.of(new Condition(2, 0100, 0100, Op.MASKED_EQ)));
        KitRunner.Run run = runner.run(backend, withFilter(runner.spec("sh", "-c", CHMOD_PROBES), highWord, chmod, fchmodat));
        assertEquals(List.of("plain=0", "exec-bit=1", "userns=0"), run.stdout().lines().toList(), run.stderr());
        assertTrue(run.stderr().contains("Permission denied"), run.stderr());
    }

    /**
     * A profile whose architectures are Docker's archMap for x86_64 applies its rules to the i386
     * ABI ({@code int 0x80}: getpid is 20 there) and to x32 (getpid with the x32 bit) by name.
     */
    @Test
    void aProfileNamingTheCompatAbisAppliesToTheirCalls() throws Exception {
        Assumptions.assumeTrue(SyscallProbe.SUPPORTED, "the system call probe is x86_64 code");
        SeccompFilter filter = new SeccompFilter(Action.ALLOW, List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"),
                List.of(new Rule(List.of("getpid"), Action.errno(13), List.of())));
        String probes = String.join("; ", SyscallProbe.PATH + " 39; echo getpid=$?",
                SyscallProbe.PATH_INT80 + " 20; echo i386-getpid=$?", SyscallProbe.PATH_INT80 + " 64; echo i386-getppid=$?",
                SyscallProbe.PATH + " " + (0x40000000 + 39) + "; echo x32-getpid=$?");
        KitRunner.Run run = runner.run(backend, KitRunner.withSeccompFilter(runner.spec("sh", "-c", probes), filter));
        assertEquals(List.of("getpid=13", "i386-getpid=13", "i386-getppid=0", "x32-getpid=13"),
                run.stdout().lines().toList(), run.stderr());
    }

    @Test
    void aKillActionEndsTheCallerWithSigsys() throws Exception {
        Rule kill = new Rule(CHMODS, new Action(ActionKind.KILL_PROCESS, 0), List.of());
        KitRunner.Run run = runner.run(backend, withFilter(runner.spec("sh", "-c", "touch /f; chmod 600 /f; echo status=$?"), kill));
        assertEquals("status=159", run.stdout().strip(), run.stderr());
    }
}

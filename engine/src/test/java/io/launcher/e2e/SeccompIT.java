package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.e2e.Distribution.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Custom seccomp profiles end to end, in Docker's JSON format, through the launcher CLI and the
 * real docker CLI: both read the file and send its JSON in {@code HostConfig.SecurityOpt}. On
 * both isolation backends, each through a daemon of its own; lxc is skipped where its tools are missing.
 */
@Tag("privileged")
@ParameterizedClass(name = "--backend {0}")
@ValueSource(strings = {"native", "lxc"})
class SeccompIT extends PerBackend {
    /** chmod to a mode with the owner's execute bit: EPERM; mkdir: EACCES unless CAP_SYS_ADMIN; the rest allowed. */
    private static final String PROFILE = """
            {
              "defaultAction": "SCMP_ACT_ALLOW",
              "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],
              "syscalls": [
                {"names": ["chmod"], "action": "SCMP_ACT_ERRNO",
                 "args": [{"index": 1, "value": 64, "valueTwo": 64, "op": "SCMP_CMP_MASKED_EQ"}]},
                {"names": ["fchmodat", "fchmodat2", "no_such_call"], "action": "SCMP_ACT_ERRNO",
                 "args": [{"index": 2, "value": 64, "valueTwo": 64, "op": "SCMP_CMP_MASKED_EQ"}]},
                {"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13,
                 "excludes": {"caps": ["CAP_SYS_ADMIN"]}, "comment": "lifted by --cap-add SYS_ADMIN"}
              ]
            }
            """;
    private static final String PROBES = "touch /f; chmod 644 /f; echo plain=$?; chmod 755 /f; echo exec=$?; "
            + "mkdir /d; echo mkdir=$?; unshare -U true; echo userns=$?";

    @TempDir
    Path temp;

    private String profile(String json) throws Exception {
        Path file = temp.resolve("profile.json");
        Files.writeString(file, json);
        return "seccomp=" + file;
    }

    @Test
    void theLauncherCliAppliesAProfileInsteadOfTheDefault() throws Exception {
        String opt = profile(PROFILE);
        Result run = launcher.launcher("run", "--name", "custom", "--network", "none", "--security-opt", opt, "base", "sh", "-c", PROBES);
        assertEquals(List.of("plain=0", "exec=1", "mkdir=1", "userns=0"), run.out().lines().toList(), run.err());
        assertTrue(run.err().contains("Operation not permitted") && run.err().contains("Permission denied"), run.err());
        Result inspect = launcher.launcher("inspect", "--format", "{{json .HostConfig.SecurityOpt}}", "custom");
        assertTrue(inspect.out().startsWith("[\"seccomp={\\\"defaultAction\\\":\\\"SCMP_ACT_ALLOW\\\""), inspect.out());
        assertEquals(0, launcher.launcher("rm", "custom").exitCode());
        Result admin = launcher.launcher("run", "--rm", "--network", "none", "--cap-add", "SYS_ADMIN", "--security-opt", opt,
                "base", "sh", "-c", "mkdir /d; echo mkdir=$?");
        assertEquals("mkdir=0", admin.outLine(), admin.err());
    }

    /**
     * Docker's own default is an allow list: every call the profile does not name fails. Here
     * every x86_64 call of the host's kernel headers but chmod and fchmodat is allowed, so busybox
     * runs and chmod fails with the profile's default errno (ENOSYS, as defaultErrnoRet says).
     */
    @Test
    void anAllowListProfileFailsEveryCallItDoesNotName() throws Exception {
        Path header = Path.of("/usr/include/x86_64-linux-gnu/asm/unistd_64.h");
        assumeTrue(Files.exists(header), "no kernel headers to list the calls");
        List<String> names = Files.readAllLines(header).stream().filter(l -> l.startsWith("#define __NR_"))
                .map(l -> l.split("\\s+")[1].substring("__NR_".length()))
                .filter(n -> !n.equals("chmod") && !n.equals("fchmodat")).toList();
        String json = "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":38,\"syscalls\":[{\"names\":[\""
                + String.join("\",\"", names) + "\"],\"action\":\"SCMP_ACT_ALLOW\"}]}";
        Result run = launcher.launcher("run", "--rm", "--network", "none", "--security-opt", profile(json), "base", "sh", "-c",
                "touch /f; chmod 600 /f; echo chmod=$?; echo still-running");
        assertEquals(List.of("chmod=1", "still-running"), run.out().lines().toList(), run.err());
        assertTrue(run.err().contains("Function not implemented"), run.err());
    }

    @Test
    void anExecFollowsTheContainersProfile() throws Exception {
        String opt = profile(PROFILE);
        assertEquals(0, launcher.launcher("run", "-d", "--name", "svc", "--network", "none", "--security-opt", opt,
                "base", "sleep", "300").exitCode());
        Result exec = launcher.launcher("exec", "svc", "sh", "-c", "touch /x; chmod 700 /x");
        assertEquals(1, exec.exitCode(), exec.err());
        assertTrue(exec.err().contains("Operation not permitted"), exec.err());
        assertEquals(0, launcher.launcher("rm", "-f", "svc").exitCode());
    }

    @Test
    void badProfilesAreRefusedWithOneLineAnd125() throws Exception {
        Result bad = launcher.launcher("run", "--rm", "--security-opt",
                profile("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"chmod\"],\"action\":\"SCMP_ACT_SOMETIMES\"}]}"),
                "base", "true");
        assertEquals(125, bad.exitCode());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().contains("invalid seccomp profile: unknown action \"SCMP_ACT_SOMETIMES\""), bad.err());
        Result missing = launcher.launcher("run", "--rm", "--security-opt", "seccomp=" + temp.resolve("absent.json"), "base", "true");
        assertEquals(125, missing.exitCode());
        assertTrue(missing.err().contains("opening seccomp profile (" + temp.resolve("absent.json") + ") failed"), missing.err());
        Result notJson = launcher.launcher("run", "--rm", "--security-opt", profile("{oops"), "base", "true");
        assertEquals(125, notJson.exitCode());
        assertTrue(notJson.err().contains("compacting json for seccomp profile"), notJson.err());
    }

    @Test
    void theDockerCliSendsTheProfileAndGetsTheSameFilter() throws Exception {
        assumeTrue(Distribution.dockerCli().isPresent(), "no docker CLI installed");
        String opt = profile(PROFILE);
        Result run = launcher.docker("run", "--rm", "--network", "none", "--security-opt", opt, "base", "sh", "-c", PROBES);
        assertEquals(List.of("plain=0", "exec=1", "mkdir=1", "userns=0"), run.out().lines().toList(), run.err());
        Result bad = launcher.docker("run", "--rm", "--security-opt",
                profile("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"chmod\"],\"action\":\"SCMP_ACT_ERRNO\","
                        + "\"args\":[{\"index\":1,\"value\":1,\"op\":\"SCMP_CMP_ROUGHLY\"}]}]}"), "base", "true");
        assertEquals(125, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("invalid seccomp profile: unknown operator \"SCMP_CMP_ROUGHLY\""), bad.err());
    }
}

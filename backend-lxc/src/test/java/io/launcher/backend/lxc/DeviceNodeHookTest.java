package io.launcher.backend.lxc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.api.ContainerId;
import io.launcher.api.LogConfig;
import io.launcher.api.ResourceLimits;
import io.launcher.spi.Mount;
import io.launcher.spi.isolation.Capabilities;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.isolation.ProcessSpec;
import io.launcher.spi.isolation.SandboxSpec;
import io.launcher.spi.isolation.SeccompProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hook's {@code device_node}, run on a folder standing for the root: a symbolic link at the
 * node's path is replaced, never followed (its target stays as it was), and missing parents are
 * made. Needs root for mknod and chown.
 */
@Tag("privileged")
class DeviceNodeHookTest {
    @TempDir
    Path temp;

    @Test
    void aNodeReplacesWhatIsAtItsPathAndGetsItsModeAndOwner() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mknod needs root");
        Path root = Files.createDirectories(temp.resolve("root"));
        Path target = Files.writeString(root.resolve("target"), "kept");
        Files.createDirectories(root.resolve("opt"));
        Files.createSymbolicLink(root.resolve("opt/link"), Path.of("/target"));
        ContainerDir dir = new ContainerDir(Files.createDirectories(temp.resolve("containers/x")));
        Path script = Files.writeString(temp.resolve("hook"), HookScript.render(spec(), dir));
        String calls = "device_node \"$0\" /opt/link c 1 3 0640 5:6; device_node \"$0\" /opt/new/deep/null c 1 3 0606 0:0";
        Process bash = new ProcessBuilder("bash", "-c", "source \"$1\" name lxc none; " + calls, root.toString(), script.toString())
                .redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, bash.waitFor(), out + Files.readString(dir.path().resolve("hook.log")));
        assertEquals("kept", Files.readString(target), "the link's target is not touched");
        Map<String, Object> made = Files.readAttributes(root.resolve("opt/link"), "unix:mode,rdev,uid,gid", LinkOption.NOFOLLOW_LINKS);
        assertEquals(List.of(020640, 0x103L, 5, 6), List.of(made.get("mode"), made.get("rdev"), made.get("uid"), made.get("gid")));
        assertEquals(020606, Files.getAttribute(root.resolve("opt/new/deep/null"), "unix:mode", LinkOption.NOFOLLOW_LINKS));
    }

    private SandboxSpec spec() {
        ProcessSpec process = new ProcessSpec(List.of("sh"), List.of("PATH=/bin"), "/", 0, 0, List.of(), false, false);
        return new SandboxSpec(ContainerId.random(), List.of(new Mount("bind", temp.toString(), List.of("rbind"))), process, "box",
                new NetworkAttachment.Private(), ResourceLimits.NONE, List.of(), false, temp.resolve("log.json"),
                Capabilities.DOCKER_DEFAULT, SeccompProfile.DEFAULT, LogConfig.DEFAULT, null, false, true, List.of(), List.of());
    }
}

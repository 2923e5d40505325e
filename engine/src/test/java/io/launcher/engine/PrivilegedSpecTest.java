package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerId;
import io.launcher.api.ExecConfig;
import io.launcher.api.HostConfig;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.LogConfig;
import io.launcher.api.NetworkMode;
import io.launcher.api.ResourceLimits;
import io.launcher.spi.isolation.Capabilities;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.isolation.SandboxSpec;
import io.launcher.spi.isolation.SeccompProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code --privileged} as the engine turns it into a sandbox spec and an exec's process, as moby does. */
class PrivilegedSpecTest {
    private static final ContainerId ID = ContainerId.random();
    private static final ContainerConfig CONFIG = new ContainerConfig("base", List.of("sh"), List.of(), List.of(), "", "", "",
            false, false, false, Map.of());
    private static final ContainerUsers.ExecUser ROOT = new ContainerUsers.ExecUser(0, 0, List.of(), Optional.empty());

    private static HostConfig host(boolean privileged, List<String> capAdd, List<String> capDrop, List<String> securityOpt) {
        return new HostConfig(false, NetworkMode.BRIDGE, ResourceLimits.NONE, List.of(), false, capAdd, capDrop, List.of(),
                false, securityOpt, LogConfig.DEFAULT, privileged);
    }

    private static SandboxSpec build(HostConfig host) {
        return SandboxSpecs.build(ID, CONFIG, host, List.of(), new NetworkAttachment.Private(), Path.of("/l"), ROOT);
    }

    @Test
    void privilegedGetsEveryCapabilityNoFilterAndNoNoNewPrivileges() {
        SandboxSpec spec = build(host(true, List.of(), List.of(), List.of()));
        assertTrue(spec.privileged());
        assertEquals(Set.copyOf(Capabilities.ALL), spec.capabilities());
        assertEquals(SeccompProfile.UNCONFINED, spec.seccomp());
        assertFalse(spec.noNewPrivileges());
    }

    /** moby's TweakCapabilities returns every capability first; its WithSeccomp returns before any profile. */
    @Test
    void privilegedOverridesCapDropAndTheSeccompProfileAsDockerDoes() {
        SandboxSpec spec = build(host(true, List.of(), List.of("ALL"), List.of("seccomp=default")));
        assertEquals(Set.copyOf(Capabilities.ALL), spec.capabilities());
        assertEquals(SeccompProfile.UNCONFINED, spec.seccomp());
    }

    @Test
    void aCustomProfileIsIgnoredForAPrivilegedContainer() {
        String profile = "seccomp={\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"chmod\"],"
                + "\"action\":\"SCMP_ACT_ERRNO\"}]}";
        SandboxSpec privileged = build(host(true, List.of(), List.of(), List.of(profile)));
        assertEquals(SeccompProfile.UNCONFINED, privileged.seccomp());
        assertEquals(null, privileged.seccompFilter());
        assertEquals(SeccompProfile.CUSTOM, build(host(false, List.of(), List.of(), List.of(profile))).seccomp());
    }

    @Test
    void noNewPrivilegesOnlyWhenAsked() {
        assertTrue(build(host(true, List.of(), List.of(), List.of("no-new-privileges"))).noNewPrivileges());
        assertTrue(build(host(true, List.of(), List.of(), List.of("no-new-privileges:true"))).noNewPrivileges());
    }

    @Test
    void badValuesAreRefusedAlikeWithOrWithoutPrivileged() {
        assertThrows(InvalidSpecException.class, () -> build(host(true, List.of("NOT_A_CAP"), List.of(), List.of())));
        assertThrows(InvalidSpecException.class, () -> build(host(true, List.of(), List.of(), List.of("bogus"))));
    }

    @Test
    void unprivilegedStaysConfined() {
        SandboxSpec spec = build(host(false, List.of(), List.of("MKNOD"), List.of()));
        assertFalse(spec.privileged());
        assertTrue(spec.noNewPrivileges());
        assertEquals(SeccompProfile.DEFAULT, spec.seccomp());
        assertFalse(spec.capabilities().contains("CAP_MKNOD"));
        assertFalse(SandboxSpecs.withBinds(build(host(true, List.of(), List.of(), List.of())), List.of()).noNewPrivileges(),
                "the engine's own binds keep the privileges");
        assertTrue(SandboxSpecs.withBinds(build(host(true, List.of(), List.of(), List.of())), List.of()).privileged());
    }

    @Test
    void aPrivilegedExecSaysSoToTheBackend() {
        ExecConfig plain = new ExecConfig(List.of("id"), List.of(), "", "", false, false, true, true);
        ExecConfig privileged = new ExecConfig(List.of("id"), List.of(), "", "", false, false, true, true, true);
        assertFalse(SandboxSpecs.execProcess(ID, CONFIG, plain, ROOT).privileged());
        assertTrue(SandboxSpecs.execProcess(ID, CONFIG, privileged, ROOT).privileged());
    }
}

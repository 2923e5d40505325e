package io.launcher.backend.lxc;

import io.launcher.spi.isolation.DefaultSeccompFilter;
import java.util.Set;

/**
 * Docker's default seccomp profile as an LXC profile ({@code lxc.seccomp.profile}, text format
 * version 2): spi's {@link DefaultSeccompFilter} for the container's capabilities, written as any
 * custom profile is ({@link CustomSeccompPolicy}): an allow list whose other calls fail with
 * EPERM, the argument rules (socket, personality, clone) as LXC's {@code [index,value,op]}
 * conditions. backend-native compiles the same filter, so both backends refuse the same calls.
 *
 * <p>Both cover Docker's archMap: LXC resolves the names through the host's libseccomp for
 * x86_64, i386 and x32 (the i386-only names of the profile, socketcall and the rest, included),
 * as backend-native compiles them from its own tables. What differs from backend-native, from
 * LXC's side: LXC skips names its libseccomp does not know, so a call newer than that
 * libseccomp (Debian 12's 2.5.4 knows calls up to {@code futex_requeue}, not {@code statmount}
 * and later) fails with EPERM, as it does under Docker with the same libseccomp; and a number
 * above the newest call fails with EPERM, where backend-native (like runc) answers ENOSYS.
 * lxc-attach applies the profile to exec'd processes too.
 */
final class SeccompPolicy {

    private SeccompPolicy() {
    }

    /** The profile for a container that keeps {@code capabilities} (as {@code SandboxSpec} names them). */
    static String render(Set<String> capabilities) {
        return CustomSeccompPolicy.render(DefaultSeccompFilter.forCapabilities(capabilities));
    }
}

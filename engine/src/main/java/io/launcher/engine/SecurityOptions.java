package io.launcher.engine;

import io.launcher.api.InvalidSpecException;
import io.launcher.spi.isolation.SeccompFilter;
import io.launcher.spi.isolation.SeccompProfile;
import java.util.List;
import java.util.Set;

/**
 * Docker's {@code --security-opt} values, checked at create and turned into what the backend
 * applies at start. Accepted: {@code seccomp=unconfined} and {@code seccomp=default};
 * {@code no-new-privileges} (always in force, but for a privileged container only when given);
 * {@code apparmor=...} and {@code label=...},
 * which have nothing to act on without AppArmor or SELinux (Docker ignores them likewise where
 * the host has neither). A custom seccomp profile arrives as its JSON (the docker CLI sends
 * the file's content): it is checked here and resolved against the container's capabilities by
 * {@link #seccompFilter}.
 */
final class SecurityOptions {

    private SecurityOptions() {
    }

    static SeccompProfile seccomp(List<String> options) {
        SeccompProfile profile = SeccompProfile.DEFAULT;
        for (String option : options) {
            String[] pair = option.split("[=:]", 2);
            String key = pair[0];
            String value = pair.length == 2 ? pair[1] : "";
            switch (key) {
                case "seccomp" -> profile = profile(option, value);
                case "no-new-privileges" -> noNewPrivileges(option, value);
                case "apparmor", "label" -> { }
                default -> throw new InvalidSpecException("invalid --security-opt 1: \"" + option + "\"");
            }
        }
        return profile;
    }

    private static SeccompProfile profile(String option, String value) {
        return switch (value) {
            case "unconfined" -> SeccompProfile.UNCONFINED;
            case "default", "builtin" -> SeccompProfile.DEFAULT;
            default -> {
                if (!value.startsWith("{")) {
                    throw new InvalidSpecException("invalid --security-opt 2: \"" + option + "\"");
                }
                SeccompProfileParser.parse(value);
                yield SeccompProfile.CUSTOM;
            }
        };
    }

    /** Whether {@code --security-opt no-new-privileges} was given: a privileged container has no_new_privs only then. */
    static boolean asksNoNewPrivileges(List<String> options) {
        return options.stream().anyMatch(o -> o.equals("no-new-privileges") || o.equals("no-new-privileges=true")
                || o.equals("no-new-privileges:true"));
    }

    /** The custom profile's rules for a container keeping {@code capabilities}; null unless the last seccomp option is a profile. */
    static SeccompFilter seccompFilter(List<String> options, Set<String> capabilities) {
        if (seccomp(options) != SeccompProfile.CUSTOM) {
            return null;
        }
        String last = null;
        for (String option : options) {
            if (option.startsWith("seccomp=") || option.startsWith("seccomp:")) {
                last = option.substring("seccomp=".length());
            }
        }
        boolean arm = System.getProperty("os.arch").equals("aarch64");
        return SeccompProfileParser.parse(last).resolve(capabilities, arm ? "arm64" : "amd64",
                arm ? "SCMP_ARCH_AARCH64" : "SCMP_ARCH_X86_64");
    }

    /** no_new_privs is set for every unprivileged container process; asking to turn it off cannot be honoured. */
    private static void noNewPrivileges(String option, String value) {
        if (!value.isEmpty() && !value.equals("true")) {
            throw new InvalidSpecException("invalid --security-opt: \"" + option + "\": no-new-privileges is always on");
        }
    }
}

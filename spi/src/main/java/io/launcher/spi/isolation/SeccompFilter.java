package io.launcher.spi.isolation;

import java.util.List;
import java.util.Objects;

/**
 * A custom system call filter, resolved by the engine from a Docker/moby seccomp profile: the
 * profile's {@code includes} and {@code excludes} are already applied against the container's
 * capabilities and this host's architecture, so a backend only compiles what is left.
 *
 * <p>Semantics a backend implements: a call of the native ABI is matched against {@code rules}
 * in order, and the first rule that names it and whose conditions all hold gives the action;
 * no rule: {@code defaultAction}. Names are the kernel's (as in {@code unistd_64.h}); a name the
 * backend does not know on this architecture is skipped, as Docker skips it.
 *
 * @param architectures the profile's SCMP_ARCH_* names after {@code archMap} is resolved (may be empty)
 */
public record SeccompFilter(Action defaultAction, List<String> architectures, List<Rule> rules) {

    public SeccompFilter {
        Objects.requireNonNull(defaultAction, "defaultAction");
        architectures = List.copyOf(architectures);
        rules = List.copyOf(rules);
    }

    /** What the kernel does with a matching call. */
    public enum ActionKind {
        ALLOW,
        /** fail with {@link Action#errno()} */
        ERRNO,
        /** kill the calling thread (libseccomp's SCMP_ACT_KILL) */
        KILL_THREAD,
        KILL_PROCESS,
        /** send SIGSYS */
        TRAP,
        /** allow and log */
        LOG
    }

    /** An action and, for {@link ActionKind#ERRNO}, the error number returned (0 to 4095). */
    public record Action(ActionKind kind, int errno) {
        public static final Action ALLOW = new Action(ActionKind.ALLOW, 0);

        public Action {
            Objects.requireNonNull(kind, "kind");
            if (errno < 0 || errno > 4095 || kind != ActionKind.ERRNO && errno != 0) {
                throw new IllegalArgumentException("invalid seccomp action " + kind + " errno " + errno);
            }
        }

        public static Action errno(int errno) {
            return new Action(ActionKind.ERRNO, errno);
        }
    }

    /** libseccomp's comparisons, on the 64-bit argument as an unsigned number. */
    public enum Op {
        EQ, NE, LT, LE, GT, GE,
        /** {@code (argument & value) == valueTwo} */
        MASKED_EQ
    }

    /** One argument test: argument {@code index} (0 to 5) {@code op} {@code value}; see {@link Op#MASKED_EQ}. */
    public record Condition(int index, long value, long valueTwo, Op op) {
        public Condition {
            Objects.requireNonNull(op, "op");
            if (index < 0 || index > 5) {
                throw new IllegalArgumentException("invalid seccomp argument index " + index);
            }
        }
    }

    /** The calls {@code names} get {@code action} when every one of {@code conditions} holds (none: always). */
    public record Rule(List<String> names, Action action, List<Condition> conditions) {
        public Rule {
            names = List.copyOf(names);
            Objects.requireNonNull(action, "action");
            conditions = List.copyOf(conditions);
        }
    }
}

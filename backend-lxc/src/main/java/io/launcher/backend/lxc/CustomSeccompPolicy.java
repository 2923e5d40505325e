package io.launcher.backend.lxc;

import io.launcher.spi.isolation.SeccompFilter;
import io.launcher.spi.isolation.SeccompFilter.Action;
import io.launcher.spi.isolation.SeccompFilter.Condition;

/**
 * A custom seccomp profile ({@link SeccompFilter}, resolved by the engine) as an LXC profile
 * ({@code lxc.seccomp.profile}, text format version 2): the policy line carries the default
 * action ({@code denylist} when it is allow, else {@code allowlist <action>}), and every rule
 * line its own action, so neither style's implicit rule action is ever used. The rules sit in
 * the {@code [all]} section: LXC resolves each name for x86_64 and for the i386 and x32 ABIs
 * itself (through libseccomp) and skips names a given ABI does not have, as Docker does.
 *
 * <p>What LXC's format cannot say: it has one kill action (libseccomp's, which kills the
 * thread), so SCMP_ACT_KILL_PROCESS kills the calling thread; it has no log action, so
 * SCMP_ACT_LOG allows without logging; it has no list of architectures, so the rules cover
 * x86_64's i386 and x32 ABIs whatever the profile's {@code architectures} say (backend-native
 * covers only those listed, as libseccomp does, and kills a call of an unlisted one). Rules for one call are ordered by libseccomp, not by the
 * profile (backend-native keeps the profile's order); profiles whose rules for one call overlap
 * with different actions may therefore differ between the two backends.
 */
final class CustomSeccompPolicy {

    private CustomSeccompPolicy() {
    }

    static String render(SeccompFilter filter) {
        StringBuilder out = new StringBuilder("2\n");
        Action defaultAction = filter.defaultAction();
        if (defaultAction.kind() == SeccompFilter.ActionKind.ALLOW || defaultAction.kind() == SeccompFilter.ActionKind.LOG) {
            out.append("denylist\n");
        } else {
            out.append("allowlist ").append(action(defaultAction)).append('\n');
        }
        out.append("[all]\n");
        for (SeccompFilter.Rule rule : filter.rules()) {
            for (String name : rule.names()) {
                line(out, name, rule);
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String name, SeccompFilter.Rule rule) {
        if (!name.matches("[a-z0-9_]+")) {
            return; // no call has such a name: skipped like any unknown one (and it cannot break the format)
        }
        out.append(name).append(' ').append(action(rule.action()));
        for (Condition c : rule.conditions()) {
            out.append(" [").append(c.index()).append(',');
            if (c.op() == SeccompFilter.Op.MASKED_EQ) {
                // LXC reads [index,datum,op,mask]; Docker's value is the mask, valueTwo the datum
                out.append(Long.toUnsignedString(c.valueTwo())).append(",SCMP_CMP_MASKED_EQ,")
                        .append(Long.toUnsignedString(c.value()));
            } else {
                out.append(Long.toUnsignedString(c.value())).append(",SCMP_CMP_").append(c.op().name());
            }
            out.append(']');
        }
        out.append('\n');
    }

    private static String action(Action action) {
        return switch (action.kind()) {
            case ALLOW, LOG -> "allow";
            case ERRNO -> "errno " + action.errno();
            case KILL_THREAD, KILL_PROCESS -> "kill";
            case TRAP -> "trap";
        };
    }
}

package io.launcher.backend.lxc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.launcher.spi.isolation.SeccompFilter;
import io.launcher.spi.isolation.SeccompFilter.Action;
import io.launcher.spi.isolation.SeccompFilter.ActionKind;
import io.launcher.spi.isolation.SeccompFilter.Condition;
import io.launcher.spi.isolation.SeccompFilter.Op;
import io.launcher.spi.isolation.SeccompFilter.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomSeccompPolicyTest {

    @Test
    void aDenyListWhenTheDefaultAllows() {
        String profile = CustomSeccompPolicy.render(new SeccompFilter(Action.ALLOW, List.of(), List.of(
                new Rule(List.of("chmod", "fchmodat"), Action.errno(1), List.of()),
                new Rule(List.of("getpid"), new Action(ActionKind.KILL_PROCESS, 0), List.of()),
                new Rule(List.of("ptrace"), new Action(ActionKind.TRAP, 0), List.of()))));
        assertEquals("2\ndenylist\n[all]\nchmod errno 1\nfchmodat errno 1\ngetpid kill\nptrace trap\n", profile);
    }

    @Test
    void anAllowListCarriesTheDefaultActionAndArgumentsInLxcsOrder() {
        String profile = CustomSeccompPolicy.render(new SeccompFilter(Action.errno(38), List.of(), List.of(
                new Rule(List.of("personality"), Action.ALLOW, List.of(new Condition(0, -1L, 0, Op.NE),
                        new Condition(1, 0x7E020000L, 0x10000000L, Op.MASKED_EQ))),
                new Rule(List.of("uname"), new Action(ActionKind.LOG, 0), List.of()))));
        assertEquals("2\nallowlist errno 38\n[all]\n"
                + "personality allow [0,18446744073709551615,SCMP_CMP_NE] [1,268435456,SCMP_CMP_MASKED_EQ,2114060288]\n"
                + "uname allow\n", profile);
    }

    @Test
    void aKillDefault() {
        assertEquals("2\nallowlist kill\n[all]\n",
                CustomSeccompPolicy.render(new SeccompFilter(new Action(ActionKind.KILL_THREAD, 0), List.of(), List.of())));
    }

    @Test
    void aNameThatCouldBreakTheFormatIsSkipped() {
        assertEquals("2\ndenylist\n[all]\nchmod errno 1\n", CustomSeccompPolicy.render(new SeccompFilter(Action.ALLOW, List.of(),
                List.of(new Rule(List.of("chmod errno 0\nmount", "chmod"), Action.errno(1), List.of())))));
    }
}

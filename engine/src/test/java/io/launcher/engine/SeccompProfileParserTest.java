package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.launcher.api.InvalidSpecException;
import io.launcher.spi.isolation.SeccompFilter;
import io.launcher.spi.isolation.SeccompFilter.Action;
import io.launcher.spi.isolation.SeccompFilter.ActionKind;
import io.launcher.spi.isolation.SeccompFilter.Condition;
import io.launcher.spi.isolation.SeccompFilter.Op;
import io.launcher.spi.isolation.SeccompFilter.Rule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeccompProfileParserTest {

    private static SeccompFilter resolve(String json, Set<String> caps) {
        return SeccompProfileParser.parse(json.replace('\'', '"')).resolve(caps, "amd64", "SCMP_ARCH_X86_64");
    }

    private static String refusal(String json) {
        return assertThrows(InvalidSpecException.class, () -> SeccompProfileParser.parse(json.replace('\'', '"'))).getMessage();
    }

    @Test
    void anAllowListWithErrnoDefaultsAndRules() {
        SeccompFilter filter = resolve("{'defaultAction':'SCMP_ACT_ERRNO','defaultErrnoRet':38,"
                + "'architectures':['SCMP_ARCH_X86_64','SCMP_ARCH_X86'],'syscalls':["
                + "{'names':['read','write'],'action':'SCMP_ACT_ALLOW','comment':'ignored'},"
                + "{'name':'chmod','action':'SCMP_ACT_ERRNO','errnoRet':13},"
                + "{'names':['kill'],'action':'SCMP_ACT_KILL'},{'names':['tkill'],'action':'SCMP_ACT_KILL_PROCESS'},"
                + "{'names':['ptrace'],'action':'SCMP_ACT_TRAP'},{'names':['uname'],'action':'SCMP_ACT_LOG'}]}", Set.of());
        assertEquals(Action.errno(38), filter.defaultAction());
        assertEquals(List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86"), filter.architectures());
        assertEquals(List.of(
                new Rule(List.of("read", "write"), Action.ALLOW, List.of()),
                new Rule(List.of("chmod"), Action.errno(13), List.of()),
                new Rule(List.of("kill"), new Action(ActionKind.KILL_THREAD, 0), List.of()),
                new Rule(List.of("tkill"), new Action(ActionKind.KILL_PROCESS, 0), List.of()),
                new Rule(List.of("ptrace"), new Action(ActionKind.TRAP, 0), List.of()),
                new Rule(List.of("uname"), new Action(ActionKind.LOG, 0), List.of())), filter.rules());
    }

    @Test
    void errnoWithoutANumberIsEperm() {
        SeccompFilter filter = resolve("{'defaultAction':'SCMP_ACT_ALLOW','syscalls':[{'names':['chmod'],'action':'SCMP_ACT_ERRNO'}]}", Set.of());
        assertEquals(Action.ALLOW, filter.defaultAction());
        assertEquals(Action.errno(1), filter.rules().get(0).action());
    }

    @Test
    void argumentsKeepUnsigned64BitValuesAndEveryOperator() {
        SeccompFilter filter = resolve("{'defaultAction':'SCMP_ACT_ALLOW','syscalls':[{'names':['personality'],"
                + "'action':'SCMP_ACT_ERRNO','args':[{'index':0,'value':18446744073709551615,'op':'SCMP_CMP_NE'},"
                + "{'index':1,'value':4294967296,'valueTwo':1,'op':'SCMP_CMP_MASKED_EQ'},"
                + "{'index':2,'value':1,'op':'SCMP_CMP_LT'},{'index':3,'value':1,'op':'SCMP_CMP_LE'},"
                + "{'index':4,'value':1,'op':'SCMP_CMP_GT'},{'index':5,'value':1,'op':'SCMP_CMP_GE'}]}]}", Set.of());
        assertEquals(List.of(new Condition(0, -1L, 0, Op.NE), new Condition(1, 1L << 32, 1, Op.MASKED_EQ),
                new Condition(2, 1, 0, Op.LT), new Condition(3, 1, 0, Op.LE), new Condition(4, 1, 0, Op.GT),
                new Condition(5, 1, 0, Op.GE)), filter.rules().get(0).conditions());
    }

    @Test
    void conditionsOnOneArgumentBecomeOneRuleEach() {
        SeccompFilter filter = resolve("{'defaultAction':'SCMP_ACT_ERRNO','syscalls':[{'names':['personality'],"
                + "'action':'SCMP_ACT_ALLOW','args':[{'index':0,'value':0,'op':'SCMP_CMP_EQ'},"
                + "{'index':0,'value':8,'op':'SCMP_CMP_EQ'}]}]}", Set.of());
        assertEquals(List.of(new Rule(List.of("personality"), Action.ALLOW, List.of(new Condition(0, 0, 0, Op.EQ))),
                new Rule(List.of("personality"), Action.ALLOW, List.of(new Condition(0, 8, 0, Op.EQ)))), filter.rules());
    }

    @Test
    void includesAndExcludesWeighCapabilitiesAndArchitecture() {
        String json = "{'defaultAction':'SCMP_ACT_ERRNO','syscalls':["
                + "{'names':['mount'],'action':'SCMP_ACT_ALLOW','includes':{'caps':['CAP_SYS_ADMIN','CAP_SYS_BOOT']}},"
                + "{'names':['clone'],'action':'SCMP_ACT_ALLOW','excludes':{'caps':['CAP_SYS_ADMIN']}},"
                + "{'names':['arch_prctl'],'action':'SCMP_ACT_ALLOW','includes':{'arches':['amd64','x32'],'minKernel':'4.8'}},"
                + "{'names':['sync_file_range2'],'action':'SCMP_ACT_ALLOW','includes':{'arches':['ppc64le']}},"
                + "{'names':['modify_ldt'],'action':'SCMP_ACT_ALLOW','excludes':{'arches':['amd64']}}]}";
        assertEquals(List.of(List.of("clone"), List.of("arch_prctl")),
                resolve(json, Set.of("CAP_SYS_BOOT")).rules().stream().map(Rule::names).toList());
        assertEquals(List.of(List.of("mount"), List.of("arch_prctl")),
                resolve(json, Set.of("CAP_SYS_ADMIN", "CAP_SYS_BOOT")).rules().stream().map(Rule::names).toList());
    }

    @Test
    void archMapKeepsTheHostsEntryWithItsSubArchitectures() {
        SeccompFilter filter = resolve("{'defaultAction':'SCMP_ACT_ALLOW','archMap':["
                + "{'architecture':'SCMP_ARCH_X86_64','subArchitectures':['SCMP_ARCH_X86','SCMP_ARCH_X32']},"
                + "{'architecture':'SCMP_ARCH_AARCH64','subArchitectures':['SCMP_ARCH_ARM']}]}", Set.of());
        assertEquals(List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"), filter.architectures());
    }

    @Test
    void rulesWithTheDefaultActionAreDropped() {
        assertEquals(List.of(), resolve("{'defaultAction':'SCMP_ACT_ALLOW','syscalls':[{'names':['read'],'action':'SCMP_ACT_ALLOW'}]}",
                Set.of()).rules());
    }

    @Test
    void badProfilesAreRefusedWithOneLine() {
        assertEquals("invalid seccomp profile: unknown action \"SCMP_ACT_NOPE\"", refusal("{'defaultAction':'SCMP_ACT_NOPE'}"));
        assertEquals("invalid seccomp profile: action SCMP_ACT_TRACE is not supported",
                refusal("{'defaultAction':'SCMP_ACT_ALLOW','syscalls':[{'names':['read'],'action':'SCMP_ACT_TRACE'}]}"));
        assertEquals("invalid seccomp profile: unknown operator \"SCMP_CMP_XOR\"", refusal("{'defaultAction':'SCMP_ACT_ALLOW',"
                + "'syscalls':[{'names':['read'],'action':'SCMP_ACT_ERRNO','args':[{'index':0,'value':1,'op':'SCMP_CMP_XOR'}]}]}"));
        assertEquals("invalid seccomp profile: argument index must be 0 to 5, not 6", refusal("{'defaultAction':'SCMP_ACT_ALLOW',"
                + "'syscalls':[{'names':['read'],'action':'SCMP_ACT_ERRNO','args':[{'index':6,'value':1,'op':'SCMP_CMP_EQ'}]}]}"));
        assertEquals("invalid seccomp profile: defaultAction is missing or not a string", refusal("{}"));
        assertEquals("invalid seccomp profile: unknown architecture \"SCMP_ARCH_Z80\"",
                refusal("{'defaultAction':'SCMP_ACT_ALLOW','architectures':['SCMP_ARCH_Z80']}"));
        assertEquals("invalid seccomp profile: errnoRet is only valid with SCMP_ACT_ERRNO, not SCMP_ACT_ALLOW",
                refusal("{'defaultAction':'SCMP_ACT_ERRNO','syscalls':[{'names':['read'],'action':'SCMP_ACT_ALLOW','errnoRet':1}]}"));
        assertEquals("invalid seccomp profile: 'name' and 'names' were specified in the seccomp profile, use either 'name' or 'names'",
                refusal("{'defaultAction':'SCMP_ACT_ALLOW','syscalls':[{'name':'a','names':['b'],'action':'SCMP_ACT_ERRNO'}]}"));
        assertEquals("invalid seccomp profile: 'architectures' and 'archMap' were specified in the seccomp profile, use either "
                + "'architectures' or 'archMap'", refusal("{'defaultAction':'SCMP_ACT_ALLOW','architectures':['SCMP_ARCH_X86'],"
                + "'archMap':[{'architecture':'SCMP_ARCH_X86_64'}]}"));
        assertEquals("invalid seccomp profile: argument value must be an unsigned 64-bit number, not -1", refusal(
                "{'defaultAction':'SCMP_ACT_ALLOW','syscalls':[{'names':['a'],'action':'SCMP_ACT_ERRNO','args':[{'index':0,'value':-1,'op':'SCMP_CMP_EQ'}]}]}"));
        assertThrows(InvalidSpecException.class, () -> SeccompProfileParser.parse("{not json"));
    }
}

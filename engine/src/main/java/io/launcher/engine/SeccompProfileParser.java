package io.launcher.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.launcher.api.InvalidSpecException;
import io.launcher.spi.isolation.SeccompFilter;
import io.launcher.spi.isolation.SeccompFilter.Action;
import io.launcher.spi.isolation.SeccompFilter.ActionKind;
import io.launcher.spi.isolation.SeccompFilter.Condition;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a seccomp profile in Docker's JSON format (what {@code docker run --security-opt
 * seccomp=file.json} sends as {@code HostConfig.SecurityOpt}): {@code defaultAction},
 * {@code defaultErrnoRet}, {@code architectures} or {@code archMap}, and {@code syscalls} with
 * {@code name}/{@code names}, {@code action}, {@code errnoRet}, {@code args} and
 * {@code includes}/{@code excludes}. Unknown keys are ignored as Go's decoder ignores them; a
 * bad action, operator, architecture or shape is refused with one line. SCMP_ACT_TRACE and
 * SCMP_ACT_NOTIFY are refused: nothing here traces or listens.
 */
final class SeccompProfileParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int EPERM = 1;
    private static final BigInteger MAX_U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final Map<String, ActionKind> ACTIONS = Map.of(
            "SCMP_ACT_ALLOW", ActionKind.ALLOW, "SCMP_ACT_ERRNO", ActionKind.ERRNO,
            "SCMP_ACT_KILL", ActionKind.KILL_THREAD, "SCMP_ACT_KILL_THREAD", ActionKind.KILL_THREAD,
            "SCMP_ACT_KILL_PROCESS", ActionKind.KILL_PROCESS, "SCMP_ACT_TRAP", ActionKind.TRAP,
            "SCMP_ACT_LOG", ActionKind.LOG);
    private static final Set<String> ARCHITECTURES = Set.of("SCMP_ARCH_NATIVE", "SCMP_ARCH_X86", "SCMP_ARCH_X86_64",
            "SCMP_ARCH_X32", "SCMP_ARCH_ARM", "SCMP_ARCH_AARCH64", "SCMP_ARCH_MIPS", "SCMP_ARCH_MIPS64",
            "SCMP_ARCH_MIPS64N32", "SCMP_ARCH_MIPSEL", "SCMP_ARCH_MIPSEL64", "SCMP_ARCH_MIPSEL64N32", "SCMP_ARCH_PPC",
            "SCMP_ARCH_PPC64", "SCMP_ARCH_PPC64LE", "SCMP_ARCH_S390", "SCMP_ARCH_S390X", "SCMP_ARCH_PARISC",
            "SCMP_ARCH_PARISC64", "SCMP_ARCH_RISCV64", "SCMP_ARCH_LOONGARCH64", "SCMP_ARCH_M68K", "SCMP_ARCH_SH",
            "SCMP_ARCH_SHEB");

    private SeccompProfileParser() {
    }

    static SeccompProfileDocument parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid("decoding seccomp profile failed: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid("decoding seccomp profile failed: not a JSON object");
        }
        JsonNode defaultErrno = root.path("defaultErrnoRet");
        Action defaultAction = action(text(root, "defaultAction", "defaultAction"), defaultErrno, "defaultErrnoRet");
        List<String> architectures = architectures(strings(root, "architectures"));
        List<SeccompProfileDocument.ArchMapping> archMap = archMap(root.path("archMap"));
        if (!architectures.isEmpty() && !archMap.isEmpty()) {
            throw invalid("'architectures' and 'archMap' were specified in the seccomp profile, use either 'architectures' or 'archMap'");
        }
        List<SeccompProfileDocument.Entry> syscalls = new ArrayList<>();
        for (JsonNode call : array(root, "syscalls")) {
            syscalls.add(entry(call));
        }
        return new SeccompProfileDocument(defaultAction, architectures, archMap, syscalls);
    }

    private static SeccompProfileDocument.Entry entry(JsonNode call) {
        if (!call.isObject()) {
            throw invalid("a syscalls entry is not an object");
        }
        List<String> names = new ArrayList<>(strings(call, "names"));
        if (call.hasNonNull("name")) {
            if (!names.isEmpty()) {
                throw invalid("'name' and 'names' were specified in the seccomp profile, use either 'name' or 'names'");
            }
            names.add(text(call, "name", "name"));
        }
        Action action = action(text(call, "action", "the action of " + names), call.path("errnoRet"), "errnoRet");
        List<Condition> args = new ArrayList<>();
        for (JsonNode arg : array(call, "args")) {
            args.add(condition(arg));
        }
        return new SeccompProfileDocument.Entry(names, action, args, filter(call.path("includes")), filter(call.path("excludes")));
    }

    private static Action action(String name, JsonNode errno, String errnoField) {
        ActionKind kind = ACTIONS.get(name);
        if (kind == null) {
            throw invalid(name.equals("SCMP_ACT_TRACE") || name.equals("SCMP_ACT_NOTIFY")
                    ? "action " + name + " is not supported" : "unknown action \"" + name + "\"");
        }
        boolean hasErrno = !errno.isMissingNode() && !errno.isNull();
        if (hasErrno && kind != ActionKind.ERRNO) {
            throw invalid(errnoField + " is only valid with SCMP_ACT_ERRNO, not " + name);
        }
        if (kind != ActionKind.ERRNO) {
            return new Action(kind, 0);
        }
        if (!hasErrno) {
            return Action.errno(EPERM);
        }
        if (!errno.canConvertToInt() || !errno.isIntegralNumber() || errno.intValue() < 0 || errno.intValue() > 4095) {
            throw invalid(errnoField + " must be a number from 0 to 4095, not " + errno);
        }
        return Action.errno(errno.intValue());
    }

    private static Condition condition(JsonNode arg) {
        JsonNode index = arg.path("index");
        if (!index.isIntegralNumber() || index.intValue() < 0 || index.intValue() > 5) {
            throw invalid("argument index must be 0 to 5, not " + index);
        }
        String op = text(arg, "op", "the op of an argument");
        SeccompFilter.Op parsed;
        try {
            parsed = op.startsWith("SCMP_CMP_") ? SeccompFilter.Op.valueOf(op.substring("SCMP_CMP_".length())) : null;
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (parsed == null) {
            throw invalid("unknown operator \"" + op + "\"");
        }
        return new Condition(index.intValue(), unsigned(arg.path("value"), "value"), unsigned(arg.path("valueTwo"), "valueTwo"), parsed);
    }

    /** A uint64 as Go decodes it, kept in a long's 64 bits. */
    private static long unsigned(JsonNode value, String field) {
        if (value.isMissingNode() || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || value.bigIntegerValue().signum() < 0 || value.bigIntegerValue().compareTo(MAX_U64) > 0) {
            throw invalid("argument " + field + " must be an unsigned 64-bit number, not " + value);
        }
        return value.bigIntegerValue().longValue();
    }

    private static SeccompProfileDocument.Filter filter(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return SeccompProfileDocument.Filter.NONE;
        }
        return new SeccompProfileDocument.Filter(strings(node, "caps"), strings(node, "arches"));
    }

    private static List<SeccompProfileDocument.ArchMapping> archMap(JsonNode node) {
        List<SeccompProfileDocument.ArchMapping> result = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return result;
        }
        if (!node.isArray()) {
            throw invalid("archMap must be an array");
        }
        for (JsonNode mapping : node) {
            String arch = architectures(List.of(text(mapping, "architecture", "an archMap architecture"))).get(0);
            result.add(new SeccompProfileDocument.ArchMapping(arch, architectures(strings(mapping, "subArchitectures"))));
        }
        return result;
    }

    private static List<String> architectures(List<String> names) {
        for (String name : names) {
            if (!ARCHITECTURES.contains(name)) {
                throw invalid("unknown architecture \"" + name + "\"");
            }
        }
        return names;
    }

    private static String text(JsonNode node, String field, String what) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw invalid(what + " is missing or not a string");
        }
        return value.textValue();
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> result = new ArrayList<>();
        for (JsonNode value : array(node, field)) {
            if (!value.isTextual()) {
                throw invalid(field + " must hold strings, not " + value);
            }
            result.add(value.textValue());
        }
        return result;
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw invalid(field + " must be an array");
        }
        return value;
    }

    private static InvalidSpecException invalid(String why) {
        return new InvalidSpecException("invalid seccomp profile: " + why);
    }
}

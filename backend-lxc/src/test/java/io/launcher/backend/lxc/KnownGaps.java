package io.launcher.backend.lxc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The conformance cases this backend does not meet yet, each with the reason, reported as
 * skipped with that reason rather than failing the build or passing unseen. Keep it short:
 * every entry is a difference from backend-native that users of {@code --backend lxc} see.
 */
final class KnownGaps implements ExecutionCondition {
    static final Map<String, String> GAPS = Map.of(
            "theLogIsRotatedPastItsMaxSizeKeepingMaxFiles",
            "lxc backend: its shell relay appends every line to one log file; --log-opt max-size and max-file"
                    + " are not applied, so its logs are unbounded",
            "execJoinsTheRunningContainer",
            "lxc backend: lxc-attach puts an exec in the .lxc leaf of the unified cgroup hierarchy, beside the init's");

    /** A case that reads a kernel file this host lacks; not an lxc difference (the masks skip absent files). */
    static final String KCORE_CASE = "kernelFilesAreMaskedOrReadOnlyAsDockerDoes";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String name = context.getTestMethod().map(java.lang.reflect.Method::getName).orElse("");
        if (name.equals(KCORE_CASE) && Files.notExists(Path.of("/proc/kcore"))) {
            return ConditionEvaluationResult.disabled("this kernel has no /proc/kcore, which the case expects to read as empty");
        }
        String reason = GAPS.get(name);
        return reason == null ? ConditionEvaluationResult.enabled("conformance case the lxc backend meets")
                : ConditionEvaluationResult.disabled(reason);
    }
}

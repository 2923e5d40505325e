package io.launcher.backend.lxc;

import io.launcher.api.SystemCallFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code lxc-freeze} or {@code lxc-unfreeze} (installed beside lxc-execute) on one container. */
final class LxcFreezer {
    private static final long TIMEOUT_SECONDS = 30;

    private LxcFreezer() {
    }

    static void run(HostTools tools, ContainerDir dir, String program) {
        List<String> command = List.of(tools.lxcExecute().resolveSibling(program).toString(), "-n", dir.name(),
                "-P", dir.lxcPath().toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SystemCallFailedException(program, "container " + dir.name(), "timed out after " + TIMEOUT_SECONDS + "s");
            }
            if (process.exitValue() != 0) {
                String why = output.isEmpty() ? "exit status " + process.exitValue() : output.lines().reduce((a, b) -> b).orElse("");
                throw new SystemCallFailedException(program, "container " + dir.name(), why);
            }
        } catch (IOException e) {
            throw new SystemCallFailedException(program, "container " + dir.name(), String.valueOf(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SystemCallFailedException(program, "container " + dir.name(), "interrupted", e);
        }
    }
}

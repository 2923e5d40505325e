package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** CLI calls that must succeed, and calls left running in the background (to be cut short). */
final class Calls {
    private Calls() {
    }

    static String ok(Distribution dist, String... args) throws IOException, InterruptedException {
        Distribution.Result result = dist.launcher(args);
        assertEquals(0, result.exitCode(), String.join(" ", args) + ": " + result.err() + result.out());
        return result.out();
    }

    static Process background(Distribution dist, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(dist.home().resolve("bin/launcher").toString(),
                "--root", dist.root().toString(), "-H", "unix://" + dist.socket()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}

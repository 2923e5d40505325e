package io.launcher.network.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs host commands for assertions (ip link, iptables-save, ping inside a namespace). */
final class TestHost {
    private TestHost() {
    }

    record Outcome(int exitCode, String output) {
    }

    static Outcome run(String... argv) {
        try {
            Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + List.of(argv));
            }
            return new Outcome(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("unable to run " + List.of(argv), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static String output(String... argv) {
        Outcome outcome = run(argv);
        if (outcome.exitCode() != 0) {
            throw new AssertionError(List.of(argv) + " failed: " + outcome.output());
        }
        return outcome.output();
    }

    /** Every iptables rule and chain line that mentions {@code word}, in both tables. */
    static List<String> rulesMentioning(String word) {
        String saved = output("iptables-save", "-t", "nat") + output("iptables-save", "-t", "filter");
        return saved.lines().filter(line -> line.contains(word)).toList();
    }
}

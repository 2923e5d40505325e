package io.launcher.e2e;

import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * The base of end-to-end tests that run once per isolation backend. A subclass is a
 * {@code @ParameterizedClass} over backend names; each invocation gets a daemon of its own,
 * started with {@code --backend NAME} (skipped, with the reason, where that backend's tools are
 * missing), and closed after the invocation's last test.
 */
abstract class PerBackend {
    static Distribution launcher;

    @Parameter
    String backend;

    @BeforeParameterizedClassInvocation
    static void start(String backend) throws Exception {
        launcher = Distribution.startWithBackend(backend);
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        if (launcher != null) {
            launcher.close();
            launcher = null;
        }
    }
}

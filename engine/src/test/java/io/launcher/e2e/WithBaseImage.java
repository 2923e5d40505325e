package io.launcher.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of end-to-end tests that each want a fresh daemon of their own with the {@code base}
 * image imported: started before each test (a subclass's own set-up runs after), closed after it.
 */
abstract class WithBaseImage {
    Distribution dist;

    @BeforeEach
    void startDistribution() throws Exception {
        dist = Distribution.start().withBaseImage();
    }

    @AfterEach
    void closeDistribution() throws Exception {
        if (dist != null) {
            dist.close();
        }
    }
}

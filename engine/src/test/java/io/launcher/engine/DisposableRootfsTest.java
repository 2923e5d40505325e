package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.spi.Mount;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisposableRootfsTest {
    @Test
    void overlaysAreMountedVolatileAndOtherMountsAsGiven() {
        Mount overlay = new Mount("overlay", "overlay", List.of("lowerdir=/l", "upperdir=/u", "workdir=/w"));
        Mount bind = new Mount("bind", "/dir", List.of("rbind", "rw"));
        assertEquals(List.of(new Mount("overlay", "overlay", List.of("lowerdir=/l", "upperdir=/u", "workdir=/w", "volatile")),
                bind), DisposableRootfs.volatileOverlays(List.of(overlay, bind)));
    }

    @Test
    void anOverlayAlreadyVolatileIsLeftAsItIs() {
        Mount overlay = new Mount("overlay", "overlay", List.of("lowerdir=/l", "volatile"));
        assertEquals(List.of(overlay), DisposableRootfs.volatileOverlays(List.of(overlay)));
    }

    @Test
    void theKernelMustBeFiveTenOrLater() {
        assertTrue(DisposableRootfs.kernelAtLeast("6.18.0-1-amd64", 5, 10));
        assertTrue(DisposableRootfs.kernelAtLeast("5.10.0", 5, 10));
        assertFalse(DisposableRootfs.kernelAtLeast("5.4.0-150-generic", 5, 10));
        assertFalse(DisposableRootfs.kernelAtLeast("4.19.0", 5, 10));
        assertFalse(DisposableRootfs.kernelAtLeast("unknown", 5, 10));
    }
}

package io.launcher.backend.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ExitStatus;
import io.launcher.api.SystemCallFailedException;
import org.junit.jupiter.api.Test;

class ShimTest {

    @Test
    void theShimTravelsInTheJar() {
        byte[] binary = Shim.bundledBinary();
        assertTrue(binary.length > 4 && binary[0] == 0x7f && binary[1] == 'E' && binary[2] == 'L' && binary[3] == 'F');
    }

    @Test
    void aShimErrorLineSplitsIntoOperationObjectAndErrno() {
        SystemCallFailedException e = Shim.systemCallFailed("unable to mount overlay at /var/lib/x/rootfs: EINVAL");
        assertEquals("mount overlay at", e.operation());
        assertEquals("/var/lib/x/rootfs", e.object());
        assertEquals("EINVAL", e.errno());
        assertEquals("unable to mount overlay at /var/lib/x/rootfs: EINVAL", e.getMessage());
        SystemCallFailedException noPath = Shim.systemCallFailed("unable to bring up lo: EPERM");
        assertEquals("bring up", noPath.operation());
        assertEquals("lo", noPath.object());
    }

    @Test
    void exitRecordsAndPidsParse() {
        assertEquals(new ExitStatus(137, 9, true), ExitFile.parse("137 9 1\n"));
        assertEquals(ExitStatus.exited(3), ExitFile.parse("3 0 0"));
        assertThrows(IllegalArgumentException.class, () -> ExitFile.parse("3 0"));
        assertEquals(new MonitorPids(10, 11), MonitorPids.parse("10 11\n"));
    }
}

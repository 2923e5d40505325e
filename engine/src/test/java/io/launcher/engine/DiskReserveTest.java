package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.launcher.api.SystemCallFailedException;
import io.launcher.layer.WriteMeter;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The reserve's arithmetic and how often it asks the filesystem, on made-up figures. */
class DiskReserveTest {
    private static final long MIB = 1L << 20;

    /** A filesystem whose free space the test sets, counting how often it is asked. */
    static final class FakeSpace implements FreeSpace {
        long total;
        long free;
        int asked;

        FakeSpace(long total, long free) {
            this.total = total;
            this.free = free;
        }

        @Override
        public long usable() {
            asked++;
            return free;
        }

        @Override
        public long total() {
            return total;
        }
    }

    private long now;

    private DiskReserve reserve(FakeSpace space, MinFreeSpace setting) throws IOException {
        return new DiskReserve(Path.of("/var/lib/launcher"), setting, space, () -> now);
    }

    @Test
    void theDefaultIsFivePercentAtMostOneGibibyte() {
        assertEquals(512 * MIB, MinFreeSpace.DEFAULT.reserve(10240 * MIB));
        assertEquals(1024 * MIB, MinFreeSpace.DEFAULT.reserve(1024 * 1024 * MIB));
        assertEquals(20 * MIB, MinFreeSpace.ofPercent(20).reserve(100 * MIB));
        assertEquals(3 * MIB, MinFreeSpace.ofBytes(3 * MIB).reserve(100 * MIB));
        assertEquals(0, MinFreeSpace.NONE.reserve(100 * MIB));
    }

    @Test
    void freeSpaceIsAskedOncePerQuarterOfTheReserve() throws IOException {
        FakeSpace space = new FakeSpace(1024 * MIB, 512 * MIB);
        DiskReserve reserve = reserve(space, MinFreeSpace.ofBytes(8 * MIB));
        assertEquals(2 * MIB, reserve.interval());
        WriteMeter meter = reserve.meter();
        assertEquals(1, space.asked, "a meter looks once before the first byte");
        for (int i = 0; i < 64; i++) {
            meter.passed(64 << 10);
        }
        assertEquals(3, space.asked, "4 MiB passed: two more looks, not one per read");
    }

    @Test
    void aStreamStopsOnceTheFilesystemIsBelowItsReserve() throws IOException {
        FakeSpace space = new FakeSpace(1024 * MIB, 10 * MIB);
        DiskReserve reserve = reserve(space, MinFreeSpace.ofBytes(4 * MIB));
        WriteMeter meter = reserve.meter();
        meter.passed(MIB);
        space.free = 3 * MIB;
        SystemCallFailedException full = assertThrows(SystemCallFailedException.class, () -> {
            for (int i = 0; i < 16; i++) {
                meter.passed(64 << 10);
            }
        });
        assertEquals("unable to write to /var/lib/launcher: no space left on device "
                + "(3.0MiB free, below the 4.0MiB kept by --min-free-space)", full.getMessage());
        assertEquals(500, full.httpStatus());
    }

    @Test
    void aFileAnnouncedBeforeItsCopyIsRefusedWhenItWouldNotFit() throws IOException {
        FakeSpace space = new FakeSpace(1024 * MIB, 100 * MIB);
        WriteMeter meter = reserve(space, MinFreeSpace.ofBytes(8 * MIB)).meter();
        meter.before(90 * MIB);
        SystemCallFailedException full = assertThrows(SystemCallFailedException.class, () -> meter.before(93 * MIB));
        assertEquals("unable to write to /var/lib/launcher: no space left on device "
                + "(100.0MiB free, and 93.0MiB to write would go below the 8.0MiB kept by --min-free-space)", full.getMessage());
        meter.before(64 << 10);
        assertEquals(3, space.asked, "a small file counts toward the next look, as a stream's bytes do");
    }

    @Test
    void aFilesystemAlreadyBelowItsReserveRefusesTheFirstByte() throws IOException {
        FakeSpace space = new FakeSpace(100 * MIB, 4 * MIB);
        DiskReserve reserve = reserve(space, MinFreeSpace.ofPercent(5));
        assertThrows(SystemCallFailedException.class, reserve::meter);
    }

    @Test
    void aSlowWriterIsLookedAtByTime() throws IOException {
        FakeSpace space = new FakeSpace(1024 * MIB, 512 * MIB);
        WriteMeter meter = reserve(space, MinFreeSpace.ofBytes(64 * MIB)).meter();
        meter.passed(512);
        assertEquals(1, space.asked);
        now += DiskReserve.PERIOD_MILLIS * 1_000_000;
        meter.passed(512);
        assertEquals(2, space.asked, "a hard link copied up writes without reading: time asks too");
    }

    @Test
    void aShareOfTheFilesystemFollowsItsSizeAtEachLook() throws IOException {
        FakeSpace space = new FakeSpace(100 * MIB, 20 * MIB);
        DiskReserve reserve = reserve(space, MinFreeSpace.ofPercent(10));
        WriteMeter meter = reserve.meter();
        assertEquals(10 * MIB, reserve.reserve());
        space.total = 400 * MIB;
        SystemCallFailedException full = assertThrows(SystemCallFailedException.class, () -> meter.before(4 * MIB));
        assertEquals("unable to write to /var/lib/launcher: no space left on device "
                + "(20.0MiB free, and 4.0MiB to write would go below the 40.0MiB kept by --min-free-space)", full.getMessage());
        assertEquals(40 * MIB, reserve.reserve());
        assertEquals(10 * MIB, reserve.interval(), "the interval follows the new reserve");
        space.total = 100 * MIB;
        reserve.meter().before(4 * MIB);
        assertEquals(10 * MIB, reserve.reserve(), "a shrunk filesystem keeps less");
    }

    @Test
    void noReserveMeansNoLooks() throws IOException {
        FakeSpace space = new FakeSpace(1024 * MIB, 0);
        assertSame(WriteMeter.NONE, reserve(space, MinFreeSpace.NONE).meter());
        assertEquals(0, space.asked);
    }
}

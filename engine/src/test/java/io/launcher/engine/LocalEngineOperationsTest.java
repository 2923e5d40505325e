package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerStatus;
import io.launcher.api.DiskUsage;
import io.launcher.api.EngineEvent;
import io.launcher.api.EventFilter;
import io.launcher.api.EventStream;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.HostConfig;
import io.launcher.api.ImageReference;
import io.launcher.api.ImportRequest;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.NetworkMode;
import io.launcher.api.ProcessList;
import io.launcher.api.ProgressListener;
import io.launcher.api.ResourceLimits;
import io.launcher.api.WaitCondition;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pause/unpause, top's ps parsing and the disk usage survey, against the SPI fakes. */
class LocalEngineOperationsTest {
    private static final HostConfig NONE = new HostConfig(false, NetworkMode.NONE, ResourceLimits.NONE, List.of(), false,
            List.of(), List.of(), List.of(), false);

    @TempDir
    Path root;
    private LocalEngine engine;

    @BeforeEach
    void open() throws Exception {
        engine = LocalEngine.open(new EngineSettings(root, root.resolve("plugins"), Optional.empty(), Optional.empty()),
                new Providers(List.of(new FakeIsolation()), List.of(new FakeStorage()), List.of()));
        engine.importImage(new ByteArrayInputStream(LocalEngineTest.tarball()), new ImportRequest(
                Optional.of(ImageReference.parse("base")), List.of(), "first"), ProgressListener.NONE);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private String sleeper(String name) {
        engine.create(Optional.of(name), ContainerConfig.of("base", List.of("sleep", "60")), NONE);
        engine.start(name);
        return name;
    }

    @Test
    void pauseAndUnpauseMoveTheStateWithDockersMessagesAndEvents() throws Exception {
        Instant since = Instant.now();
        String c = sleeper("p1");
        engine.pause(c);
        assertEquals(ContainerStatus.PAUSED, engine.container(c).state().status());
        assertTrue(engine.container(c).state().running(), "a paused container still counts as running");
        assertEquals(4242, engine.container(c).state().pid());
        assertTrue(assertThrows(FailedPreconditionException.class, () -> engine.pause(c)).getMessage().endsWith("is already paused"));
        assertEquals("cannot start a paused container, try unpause instead",
                assertThrows(FailedPreconditionException.class, () -> engine.start(c)).getMessage());
        assertTrue(assertThrows(FailedPreconditionException.class, () -> engine.createExec(c,
                new io.launcher.api.ExecConfig(List.of("true"), List.of(), "", "", false, false, true, true)))
                .getMessage().endsWith("is paused, unpause the container before exec"));
        engine.unpause(c);
        assertEquals(ContainerStatus.RUNNING, engine.container(c).state().status());
        assertTrue(assertThrows(FailedPreconditionException.class, () -> engine.unpause(c)).getMessage().endsWith("is not paused"));
        engine.create(Optional.of("idle"), ContainerConfig.of("base", List.of("sleep", "1")), NONE);
        assertTrue(assertThrows(FailedPreconditionException.class, () -> engine.pause("idle")).getMessage().endsWith("is not running"));
        assertEquals(List.of("create", "start", "pause", "unpause"), actions(since, "p1"));
    }

    @Test
    void stoppingAPausedContainerThawsItSoTheSignalLands() throws Exception {
        Instant since = Instant.now();
        String c = sleeper("p2");
        engine.pause(c);
        engine.stop(c, 10);
        assertEquals(143, engine.await(c, WaitCondition.NOT_RUNNING));
        assertEquals(ContainerStatus.EXITED, engine.container(c).state().status());
        assertEquals(List.of("create", "start", "pause", "unpause", "die"), actions(since, "p2"));
        String k = sleeper("p3");
        engine.pause(k);
        engine.remove(k, true);
        assertEquals(List.of(), engine.containers(true).stream().filter(d -> d.name().equals("p3")).toList());
    }

    @Test
    void topNeedsARunningContainerAndRefusesARenamedPidColumn() {
        engine.create(Optional.of("idle"), ContainerConfig.of("base", List.of("sleep", "1")), NONE);
        assertEquals("Container " + engine.container("idle").id().value() + " is not running",
                assertThrows(FailedPreconditionException.class, () -> engine.top("idle", "")).getMessage());
        assertEquals("specifying \"user=PID\" is not allowed",
                assertThrows(InvalidSpecException.class, () -> engine.top("idle", "-o pid,comm user=PID")).getMessage());
    }

    @Test
    void topKeepsTheContainersRowsAndTheirThreadsAndJoinsTheCommand() {
        String ps = String.join("\n",
                "UID          PID    PPID  C STIME TTY          TIME CMD",
                "root           1       0  0 10:00 ?        00:00:01 /sbin/init",
                "root         700     650  0 10:01 ?        00:00:00 sh -c sleep 100",
                "root           -       -  0 10:01 ?        00:00:00 -",
                "root         701     700  0 10:01 ?        00:00:00 sleep 100",
                "root         900       1  0 10:02 ?        00:00:00 other",
                "root           -       -  0 10:02 ?        00:00:00 -", "");
        ProcessList list = ContainerTop.parse(ps, Set.of(700, 701));
        assertEquals(List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"), list.titles());
        assertEquals(List.of(List.of("root", "700", "650", "0", "10:01", "?", "00:00:00", "sh -c sleep 100"),
                List.of("root", "-", "-", "0", "10:01", "?", "00:00:00", "-"),
                List.of("root", "701", "700", "0", "10:01", "?", "00:00:00", "sleep 100")), list.processes());
        assertThrows(InvalidSpecException.class, () -> ContainerTop.parse("USER COMMAND\nroot x\n", Set.of(1)));
    }

    @Test
    void anInitSharingTheEnginesPidNamespaceShowsOnlyItsFamily() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            Set<Integer> members = ContainerTop.namespaceMembers((int) ProcessHandle.current().pid());
            assertTrue(members.contains((int) ProcessHandle.current().pid()) && members.contains((int) child.pid()),
                    members.toString());
            assertTrue(!members.contains(1) || ProcessHandle.current().pid() == 1, "the host's init leaked in: " + members);
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void diskUsageCountsLayersOnceAndTheContainersOfEachImage() {
        sleeper("u1");
        engine.create(Optional.of("u2"), ContainerConfig.of("base", List.of("sleep", "1")), NONE);
        DiskUsage usage = engine.diskUsage();
        assertEquals(1, usage.images().size());
        DiskUsage.ImageUsage image = usage.images().get(0);
        assertEquals(2, image.containers());
        assertEquals(0, image.sharedSize(), "one image shares nothing");
        assertEquals(image.image().size(), usage.layersSize());
        assertEquals(List.of("u2", "u1"), usage.containers().stream().map(c -> c.container().name()).toList());
        usage.containers().forEach(c -> assertEquals(c.sizeRw() + image.image().size(), c.sizeRootFs()));
    }

    private List<String> actions(Instant since, String name) throws InterruptedException {
        List<String> actions = new ArrayList<>();
        try (EventStream stream = engine.events(new EventFilter(Optional.of(since), Optional.of(Instant.now()),
                Map.of("container", List.of(name))))) {
            for (Optional<EngineEvent> e = stream.next(); e.isPresent(); e = stream.next()) {
                actions.add(e.get().action());
            }
        }
        return actions;
    }
}

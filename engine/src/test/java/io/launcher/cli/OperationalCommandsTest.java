package io.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerId;
import io.launcher.api.ContainerState;
import io.launcher.api.ContainerStatus;
import io.launcher.api.ContainerDetails;
import io.launcher.api.Digest;
import io.launcher.api.HostConfig;
import io.launcher.api.ImageConfig;
import io.launcher.api.ImageDetails;
import io.launcher.api.ImageId;
import io.launcher.api.NetworkSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** top, pause, unpause, system df/prune and completion as the docker CLI prints them. */
class OperationalCommandsTest {
    private static final ImageId BASE = ImageId.parse("sha256:" + "9f".repeat(32));
    private final CliHarness cli = new CliHarness();

    private void container(String hex, String name, ContainerStatus status) {
        ContainerId id = new ContainerId(hex.repeat(64 / hex.length()));
        ContainerConfig config = new ContainerConfig("base", List.of("sleep", "100"), List.of(), List.of(), "", "", "",
                false, false, false, Map.of());
        ContainerState state = status == ContainerStatus.EXITED
                ? new ContainerState(status, 0, 0, false, "", FakeEngine.NOW.minusSeconds(70), FakeEngine.NOW.minusSeconds(60))
                : new ContainerState(status, 42, 0, false, "", FakeEngine.NOW.minusSeconds(3), ContainerState.NEVER);
        cli.engine.containers.put(id.value(), new ContainerDetails(id, "/" + name, FakeEngine.NOW.minusSeconds(80), BASE,
                config, HostConfig.DEFAULT, state, "", NetworkSettings.none(HostConfig.DEFAULT.networkMode())));
    }

    private void images() {
        cli.engine.images.add(new ImageDetails(BASE, List.of("base:latest"), FakeEngine.NOW.minus(Duration.ofDays(3)),
                ImageConfig.EMPTY, List.of(Digest.sha256("00".repeat(32))), 4_261_000, "", ""));
        cli.engine.images.add(new ImageDetails(ImageId.parse("sha256:" + "1e".repeat(32)), List.of(),
                FakeEngine.NOW.minusSeconds(30), ImageConfig.EMPTY, List.of(), 2000, "", ""));
    }

    @Test
    void topPassesPsOptionsAndAlignsAsDocker() {
        container("a1", "web", ContainerStatus.RUNNING);
        assertEquals(0, cli.run("top", "web", "-o", "pid,comm"));
        assertTrue(cli.engine.calls.contains("top web [-o pid,comm]"), cli.engine.calls.toString());
        assertEquals("UID                 PID                 CMD\n"
                + "root                4242                sleep 100\n"
                + "daemon              4243                sh -c x\n", cli.out);
        assertEquals(0, cli.run("top", "web"));
        assertTrue(cli.engine.calls.contains("top web []"));
        assertEquals(1, cli.run("top", "nothing"));
        assertEquals("Error response from daemon: No such container: nothing\n", cli.err);
        assertEquals(1, cli.run("top"));
    }

    @Test
    void pauseAndUnpauseEachContainerAndReportFailuresOneALine() {
        container("a1", "web", ContainerStatus.RUNNING);
        container("b2", "db", ContainerStatus.RUNNING);
        assertEquals(0, cli.run("pause", "web", "db"));
        assertEquals("web\ndb\n", cli.out);
        assertEquals(1, cli.run("unpause", "web", "gone"));
        assertEquals("web\n", cli.out);
        assertEquals("Error response from daemon: No such container: gone\n", cli.err);
        assertTrue(cli.engine.calls.containsAll(List.of("pause web", "pause db", "unpause web")));
    }

    @Test
    void systemDfSummarisesAsDockersCliComputesIt() {
        images();
        container("a1", "web", ContainerStatus.RUNNING);
        container("b2", "job", ContainerStatus.EXITED);
        cli.engine.containerSizeRw = 1500;
        assertEquals(0, cli.run("system", "df"));
        assertEquals(String.join("\n",
                "TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE",
                "Images          2         1         4.262MB   2kB (0%)",
                "Containers      2         1         3kB       1.5kB (50%)",
                "Local Volumes   0         0         0B        0B",
                "Build Cache     0         0         0B        0B", ""), cli.out);
        assertEquals(0, cli.run("system", "df", "--format", "{{.Type}}={{.Active}}"));
        assertEquals("Images=1\nContainers=1\nLocal Volumes=0\nBuild Cache=0\n", cli.out);
    }

    @Test
    void systemDfVerbosePrintsDockersFourTables() {
        images();
        container("a1", "web", ContainerStatus.PAUSED);
        cli.engine.containerSizeRw = 1500;
        assertEquals(0, cli.run("system", "df", "-v"));
        assertEquals(String.join("\n",
                "Images space usage:",
                "",
                "REPOSITORY   TAG       IMAGE ID       CREATED          SIZE      SHARED SIZE   UNIQUE SIZE   CONTAINERS",
                "base         latest    9f9f9f9f9f9f   3 days ago       4.26MB    1kB           4.26MB        1",
                "<none>       <none>    1e1e1e1e1e1e   30 seconds ago   2kB       1kB           1kB           0",
                "",
                "Containers space usage:",
                "",
                "CONTAINER ID   IMAGE     COMMAND       LOCAL VOLUMES   SIZE      CREATED              STATUS                  NAMES",
                "a1a1a1a1a1a1   base      \"sleep 100\"   0               1.5kB     About a minute ago   Up 3 seconds (Paused)   web",
                "",
                "Local Volumes space usage:",
                "",
                "VOLUME NAME   LINKS     SIZE",
                "",
                "Build cache usage: 0B",
                "",
                "CACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   USAGE     SHARED", ""), cli.out);
    }

    @Test
    void systemPruneConfirmsThenPrunesContainersAndImages() {
        assertEquals(1, cli.run("system", "prune"));
        assertTrue(cli.err.contains("use -f"), cli.err);
        assertTrue(cli.engine.calls.stream().noneMatch(c -> c.startsWith("prune")), cli.engine.calls.toString());
        assertEquals(0, cli.run("system", "prune", "-a", "-f"));
        assertEquals("Deleted Containers:\n" + "c".repeat(64) + "\n\nDeleted Images:\ndeleted: sha256:" + "d".repeat(64)
                + "\n\nTotal reclaimed space: 0B\n", cli.out);
        assertEquals(List.of("pruneContainers", "pruneImages true"),
                cli.engine.calls.stream().filter(c -> c.startsWith("prune")).toList());
        assertTrue(SystemPruneCommand.warning(false).contains("all dangling images"));
    }

    @Test
    void completionNeedsNoEngineAndRefusesOtherShells() {
        assertEquals(0, cli.run("completion", "bash"));
        assertTrue(cli.out.contains("complete -F _launcher launcher"), cli.out);
        assertTrue(cli.out.contains("\"system prune\") flags=\"-a --all -f --force --help\""), cli.out);
        assertEquals(List.of(), cli.engine.calls);
        assertEquals(125, cli.run("completion", "zsh"));
        assertTrue(cli.err.contains("unsupported shell zsh"), cli.err);
    }

    /** Sources the script in a real bash; "launcher" is a shell function standing in for the CLI. */
    @Test
    void theScriptCompletesCommandsFlagsAndNamesInBash(@TempDir Path dir) throws Exception {
        assertEquals(0, cli.run("completion", "bash"));
        Path script = Files.writeString(dir.resolve("launcher.bash"), cli.out);
        String probe = String.join("\n",
                "source " + script,
                "complete -p launcher",
                "launcher() { case \"$*\" in 'ps -a --format {{.Names}}') printf 'web\\nworker\\ndb\\n';;"
                        + " 'images --format {{.Repository}}:{{.Tag}}') printf 'base:latest\\n<none>:<none>\\n';; esac; }",
                "show() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); _launcher; echo \"${COMPREPLY[*]}\"; }",
                "show launcher pa",
                "show launcher stop w",
                "show launcher run --rm b",
                "show launcher system df --v",
                "show launcher system p",
                "show launcher kill -s KILL d", "");
        Process bash = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", probe).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
        assertEquals(List.of("complete -F _launcher launcher", "pause", "web worker", "base:latest", "--verbose",
                "prune", "db"), out.lines().toList(), out);
    }
}

package io.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerDetails;
import io.launcher.api.ContainerId;
import io.launcher.api.ContainerState;
import io.launcher.api.ContainerStatus;
import io.launcher.api.Digest;
import io.launcher.api.HostConfig;
import io.launcher.api.ImageConfig;
import io.launcher.api.ImageDetails;
import io.launcher.api.ImageId;
import io.launcher.api.NetworkSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FormattingTest {
    private static final Instant NOW = FakeEngine.NOW;
    private final CliHarness cli = new CliHarness();

    @BeforeAll
    static void utc() {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    private void container(String hex, String name, List<String> cmd, ContainerState state, Duration age) {
        ContainerId id = new ContainerId(hex.repeat(64 / hex.length()));
        ContainerConfig config = new ContainerConfig("base", cmd, List.of(), List.of(), "", "", "", false, false, false, Map.of());
        cli.engine.containers.put(id.value(), new ContainerDetails(id, "/" + name, NOW.minus(age),
                ImageId.parse("sha256:" + "ab".repeat(32)), config, HostConfig.DEFAULT, state, "", NetworkSettings.none(HostConfig.DEFAULT.networkMode())));
    }

    private void twoContainers() {
        container("a1", "web", List.of("sh", "-c", "while true; do sleep 1; done"),
                new ContainerState(ContainerStatus.RUNNING, 42, 0, false, "", NOW.minusSeconds(3), ContainerState.NEVER),
                Duration.ofSeconds(5));
        container("b2", "job", List.of("true"),
                new ContainerState(ContainerStatus.EXITED, 0, 0, false, "", NOW.minusSeconds(7300), NOW.minusSeconds(7200)),
                Duration.ofHours(2));
    }

    @Test
    void psTableIsDockers() {
        twoContainers();
        assertEquals(0, cli.run("ps", "-a"));
        assertEquals(String.join("\n",
                "CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS                   PORTS     NAMES",
                "a1a1a1a1a1a1   base      \"sh -c while true; d…\"   5 seconds ago   Up 3 seconds                       web",
                "b2b2b2b2b2b2   base      \"true\"                   2 hours ago     Exited (0) 2 hours ago             job",
                ""), cli.out);
        assertEquals(List.of("containers true"), cli.engine.calls);
    }

    @Test
    void psQuietAndNoTrunc() {
        twoContainers();
        cli.run("ps", "-aq");
        assertEquals("a1a1a1a1a1a1\nb2b2b2b2b2b2\n", cli.out);
        cli.run("ps", "-a", "-q", "--no-trunc");
        assertEquals("a1".repeat(32) + "\n" + "b2".repeat(32) + "\n", cli.out);
        cli.run("ps", "-a", "--format", "{{.Names}}: {{.Status}} {{.Image}}");
        assertEquals("web: Up 3 seconds base\njob: Exited (0) 2 hours ago base\n", cli.out);
        cli.run("ps", "-a", "--format", "table {{.ID}}\\t{{.Names}}");
        assertEquals("CONTAINER ID   NAMES\na1a1a1a1a1a1   web\nb2b2b2b2b2b2   job\n", cli.out);
    }

    @Test
    void psFilters() {
        twoContainers();
        cli.run("ps", "--filter", "status=exited", "-q");
        assertEquals("b2b2b2b2b2b2\n", cli.out);
        cli.run("ps", "-a", "-f", "name=^we", "-f", "name=nothing", "--format", "{{.Names}}");
        assertEquals("web\n", cli.out);
        cli.run("ps", "-a", "-f", "exited=0", "-f", "ancestor=base", "--format", "{{.Names}}");
        assertEquals("job\n", cli.out);
        assertEquals(125, cli.run("ps", "-f", "colour=red"));
        assertEquals("launcher: invalid filter 'colour=red' (see 'launcher ps --help')\n", cli.err);
    }

    @Test
    void psJsonIsSortedLikeGo() {
        container("c3", "one", List.of("x"), ContainerState.created(), Duration.ofSeconds(90));
        cli.run("ps", "-a", "--format", "{{json .}}");
        assertEquals("{\"Command\":\"\\\"x\\\"\",\"CreatedAt\":\"2024-05-01 11:58:30 +0000 UTC\",\"ID\":\"c3c3c3c3c3c3\","
                + "\"Image\":\"base\",\"Labels\":\"\",\"LocalVolumes\":\"0\",\"Mounts\":\"\",\"Names\":\"one\","
                + "\"Networks\":\"" + HostConfig.DEFAULT.networkMode().apiName() + "\",\"Ports\":\"\",\"RunningFor\":\"About a minute ago\",\"Size\":\"0B\","
                + "\"State\":\"created\",\"Status\":\"Created\"}\n", cli.out);
    }

    @Test
    void aFieldIsWorkedOutWhereTheFormatShowsIt() {
        container("c3", "one", List.of("x"), ContainerState.created(), Duration.ofSeconds(90));
        cli.run("ps", "-a", "--format", "{{.CreatedAt}}|{{.Names}}");
        assertEquals("2024-05-01 11:58:30 +0000 UTC|one\n", cli.out);
        assertTrue(FormatTemplate.parse("table {{.ID}}\t{{.CreatedAt}}").uses("CreatedAt"));
        assertTrue(FormatTemplate.parse("{{.CreatedAt.Foo}}").uses("CreatedAt"));
        assertTrue(FormatTemplate.parse("{{.}}").uses("CreatedAt"), "the whole row");
        assertTrue(FormatTemplate.parse("json").uses("CreatedAt"), "the whole row");
        assertEquals(false, FormatTemplate.parse(ContainerRow.DEFAULT_FORMAT).uses("CreatedAt"));
        assertEquals(false, FormatTemplate.parse("{{.ID}} {{json .Labels}}").uses("CreatedAt"));
    }

    @Test
    void jsonAloneIsTheDockerCliShortFormOfJsonDot() {
        container("c3", "one", List.of("x"), ContainerState.created(), Duration.ofSeconds(90));
        cli.run("ps", "-a", "--format", "{{json .}}");
        String longForm = cli.out;
        cli.run("ps", "-a", "--format", "json");
        assertEquals(longForm, cli.out);
        assertTrue(cli.out.startsWith("{\"Command\""), cli.out);
    }

    @Test
    void badFormatIs125() {
        assertEquals(125, cli.run("ps", "--format", "{{range .}}"));
        assertEquals(125, cli.run("images", "--format", "{{.ID"));
    }

    @Test
    void imagesTableIsDockers() {
        cli.engine.images.add(new ImageDetails(ImageId.parse("sha256:" + "9f".repeat(32)), List.of("base:latest", "base:1"),
                NOW.minus(Duration.ofDays(3)), ImageConfig.EMPTY, List.of(Digest.sha256("00".repeat(32))), 4_261_000, "", ""));
        cli.engine.images.add(new ImageDetails(ImageId.parse("sha256:" + "1e".repeat(32)), List.of(),
                NOW.minusSeconds(30), ImageConfig.EMPTY, List.of(), 999, "", ""));
        assertEquals(0, cli.run("images"));
        assertEquals(String.join("\n",
                "REPOSITORY   TAG       IMAGE ID       CREATED          SIZE",
                "<none>       <none>    1e1e1e1e1e1e   30 seconds ago   999B",
                "base         latest    9f9f9f9f9f9f   3 days ago       4.26MB",
                "base         1         9f9f9f9f9f9f   3 days ago       4.26MB",
                ""), cli.out);
        cli.run("images", "-q");
        assertEquals("1e1e1e1e1e1e\n9f9f9f9f9f9f\n", cli.out);
        cli.run("images", "-a", "--format", "{{.Repository}}:{{.Tag}}", "base:1");
        assertEquals("base:1\n", cli.out);
    }

    @Test
    void humanSizesAreGoUnits() {
        assertEquals("4.26MB", HumanSize.decimal(4_261_000));
        assertEquals("0B", HumanSize.decimal(0));
        assertEquals("999B", HumanSize.decimal(999));
        assertEquals("1kB", HumanSize.decimal(1000));
        assertEquals("1e+03kB", HumanSize.decimal(999_999));
        assertEquals("123MB", HumanSize.decimal(123_456_789));
        assertEquals("1.5GB", HumanSize.decimal(1_500_000_000));
        assertEquals("7.5GiB", HumanSize.binary(7L * (1 << 30) + (1 << 29)));
    }

    @Test
    void humanDurationsAreGoUnits() {
        assertEquals("Less than a second", HumanDuration.of(Duration.ofMillis(400)));
        assertEquals("1 second", HumanDuration.of(Duration.ofSeconds(1)));
        assertEquals("59 seconds", HumanDuration.of(Duration.ofSeconds(59)));
        assertEquals("About a minute", HumanDuration.of(Duration.ofSeconds(61)));
        assertEquals("5 minutes", HumanDuration.of(Duration.ofMinutes(5)));
        assertEquals("About an hour", HumanDuration.of(Duration.ofMinutes(89)));
        assertEquals("2 hours", HumanDuration.of(Duration.ofMinutes(90)));
        assertEquals("3 days", HumanDuration.of(Duration.ofDays(3)));
        assertEquals("2 weeks", HumanDuration.of(Duration.ofDays(15)));
        assertEquals("3 months", HumanDuration.of(Duration.ofDays(95)));
        assertEquals("2 years", HumanDuration.of(Duration.ofDays(800)));
    }

    @Test
    void tabTablePadsAllButTheLastCell() {
        assertEquals("A            B\nlonger-one   x\n", TabTable.format(List.of("A\tB", "longer-one\tx")));
        assertEquals("PORTS     NAMES\n          n\n", TabTable.format(List.of("PORTS\tNAMES", "\tn")));
    }

    @Test
    void templatesPrintLikeGo() {
        FormatTemplate template = FormatTemplate.parse("{{.A}}|{{ .B.C }}|{{json .L}}|{{.L}}|{{.M}}|{{.Missing}}");
        Map<String, Object> data = Map.of("A", "x", "B", Map.of("C", 3), "L", List.of("p", "q"), "M", Map.of("k", true));
        assertEquals("x|3|[\"p\",\"q\"]|[p q]|map[k:true]|<no value>", template.render(data));
        assertThrows(IllegalArgumentException.class, () -> FormatTemplate.parse("{{if .A}}"));
    }

    @Test
    void jsonEscapesLikeGo() {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("a", "<b> \"q\" \n");
        data.put("n", null);
        data.put("l", List.of());
        assertEquals("{\"a\":\"<b> \\\"q\\\" \\n\",\"n\":null,\"l\":[]}", JsonText.compact(data));
        assertEquals("{\n  \"a\": \"\\u003cb\\u003e \\\"q\\\" \\n\",\n  \"n\": null,\n  \"l\": []\n}", JsonText.indented(data, "  "));
    }
}

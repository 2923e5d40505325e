package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.launcher.api.NetworkMode;
import io.launcher.spi.isolation.BindMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container's hosts, hostname and resolv.conf. */
class EtcFilesTest {
    @TempDir
    Path dir;

    @Test
    void loopbackNameserversAreLeftOut() {
        String host = "# managed\nnameserver 127.0.0.53\nnameserver 10.0.0.1\nnameserver ::1\noptions edns0\nsearch lan\n";
        assertEquals("# managed\nnameserver 10.0.0.1\noptions edns0\nsearch lan\n", EtcFiles.resolvConf(host));
    }

    @Test
    void noPublicResolverIsAddedWhenNoneRemains() {
        assertEquals("search lan\n", EtcFiles.resolvConf("nameserver 127.0.0.53\nsearch lan\n"));
        assertEquals("", EtcFiles.resolvConf("nameserver 127.0.0.1\n"));
    }

    @Test
    void hostsNameTheLoopbackAndTheContainer() {
        String hosts = EtcFiles.hosts("abc123", "web", "10.87.0.5");
        assertEquals(true, hosts.startsWith("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"));
        assertEquals(true, hosts.endsWith("10.87.0.5\tabc123 web\n"));
        assertEquals(false, EtcFiles.hosts("abc123", "web", "").contains("abc123"));
    }

    @Test
    void theHostModeTakesTheHostsFilesAsTheyAre() throws IOException {
        Path hosts = Files.writeString(dir.resolve("host-hosts"), "127.0.0.1 localhost myhost\n");
        Path resolv = Files.writeString(dir.resolve("host-resolv"), "nameserver 127.0.0.53\n");
        List<BindMount> binds = new EtcFiles(hosts, resolv).write(dir.resolve("c"), NetworkMode.HOST, "myhost", "c", "", Set.of());
        assertEquals("127.0.0.1 localhost myhost\n", Files.readString(binds.get(0).source()));
        assertEquals("nameserver 127.0.0.53\n", Files.readString(binds.get(2).source()));
    }

    @Test
    void aMissingHostResolvConfGivesAnEmptyOne() throws IOException {
        List<BindMount> binds = new EtcFiles(dir.resolve("none"), dir.resolve("none")).write(dir.resolve("c"), NetworkMode.BRIDGE,
                "h", "c", "10.87.0.2", Set.of());
        assertEquals("", Files.readString(binds.get(2).source()));
    }
}

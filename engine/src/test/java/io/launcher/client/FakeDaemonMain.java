package io.launcher.client;

import io.launcher.daemon.DockerApiServer;
import io.launcher.daemon.FakeEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Stands in for {@code launcher --root R -H unix://S daemon ...} in DaemonStarterTest: serves a fake engine. */
public final class FakeDaemonMain {
    private FakeDaemonMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> list = List.of(args);
        Path root = Path.of(list.get(list.indexOf("--root") + 1));
        Path socket = Path.of(list.get(list.indexOf("-H") + 1).substring("unix://".length()));
        Files.writeString(root.resolve("daemon.pid"), Long.toString(ProcessHandle.current().pid()));
        System.out.println("fake daemon " + String.join(" ", args));
        try (DockerApiServer server = new DockerApiServer(new FakeEngine(), socket)) {
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}

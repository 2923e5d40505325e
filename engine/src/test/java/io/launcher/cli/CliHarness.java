package io.launcher.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI against a fake engine and keeps what it printed. */
final class CliHarness {
    final FakeEngine engine = new FakeEngine();
    final Map<String, String> environment = new HashMap<>();
    CliSettings connectedWith;
    DaemonSettings daemonSettings;
    byte[] stdin = new byte[0];
    String out;
    String err;

    int run(String... args) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        Session session = new Session(settings -> {
            connectedWith = settings;
            return engine;
        }, settings -> {
            daemonSettings = settings;
            return 0;
        }, environment, new ByteArrayInputStream(stdin), new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8), Path.of("/opt/launcher"),
                Clock.fixed(FakeEngine.NOW, ZoneOffset.UTC));
        int code = Cli.execute(session, args);
        out = outBytes.toString(StandardCharsets.UTF_8);
        err = errBytes.toString(StandardCharsets.UTF_8);
        return code;
    }
}

package io.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built distribution's bin/launcher, run as users run it: through a symlink, on the module path. */
class DistributionIT {
    @TempDir
    Path temp;

    private record Result(int code, String out, String err) {
    }

    private Result launcher(Path script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(temp.resolve("out").toFile()).redirectError(temp.resolve("err").toFile());
        builder.environment().put("LAUNCHER_ROOT", temp.resolve("root").toString());
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Result(process.exitValue(), Files.readString(temp.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(temp.resolve("err"), StandardCharsets.UTF_8));
    }

    private Path dist() {
        String dist = System.getProperty("launcher.dist");
        assumeTrue(dist != null, "launcher.dist is set by failsafe to the built distribution");
        return Path.of(dist);
    }

    @Test
    void runsThroughASymlinkOnTheModulePath() throws Exception {
        Path link = temp.resolve("launcher");
        Files.createSymbolicLink(link, dist().resolve("bin/launcher"));
        Result version = launcher(link, "--version");
        assertEquals(0, version.code(), version.err());
        assertTrue(version.out().startsWith("Launcher version "), version.out());
        assertTrue(version.err().isEmpty(), version.err());
        Result help = launcher(link, "run", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--memory"));
    }

    @Test
    void badFlagsAreOneLineAndExit125() throws Exception {
        Result bad = launcher(dist().resolve("bin/launcher"), "run", "-m", "lots", "base");
        assertEquals(125, bad.code());
        assertEquals(List.of("launcher: Invalid value for option '--memory': invalid size: 'lots' (see 'launcher run --help')"),
                bad.err().lines().toList());
    }
}

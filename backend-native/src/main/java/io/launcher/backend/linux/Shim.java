package io.launcher.backend.linux;

import io.launcher.api.InternalException;
import io.launcher.api.SystemCallFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The launcher-shim executable: carried in the plugin jar, extracted to {@code <stateDir>/bin/},
 * and only ever spawned (the JVM never forks or clones itself). Monitors and exec processes come
 * from its spawner ({@link Spawner}); their failures are one runc-style line each.
 */
public final class Shim {
    static final String RESOURCE = "launcher-shim";
    private static final long TIMEOUT_SECONDS = 60;

    private final Path executable;
    private final Spawner spawner;

    private Shim(Path executable) {
        this.executable = executable;
        this.spawner = new Spawner(executable, executable.getParent());
    }

    /** Extracts the shim into {@code binDir}, reusing a copy with the same content. */
    public static Shim install(Path binDir) {
        byte[] content = bundledBinary();
        Path target = binDir.resolve(RESOURCE);
        try {
            Files.createDirectories(binDir);
            if (!Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(target), content)) {
                AtomicFile.write(target, content, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return new Shim(target);
        } catch (IOException e) {
            throw new InternalException("unable to install launcher-shim in " + binDir + ": " + e.getMessage(), e);
        }
    }

    static byte[] bundledBinary() {
        try (InputStream in = Shim.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new InternalException("the plugin jar holds no launcher-shim: it was built without gcc");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InternalException("unable to read the bundled launcher-shim: " + e.getMessage(), e);
        }
    }

    /** Runs {@code launcher-shim version}; the probe's proof that the shim runs here. */
    public String version() {
        Result result = run(List.of("version"));
        if (result.code != 0) {
            throw new SystemCallFailedException("run", executable.toString(), result.stderr.strip());
        }
        return result.stdout.strip();
    }

    /** Starts the monitor of a bundle; returns once the init is parked. */
    Spawner.Spawned create(Path bundle) {
        return spawner.create(bundle, false);
    }

    /** Starts the monitor of a bundle and its process; returns once the init was told to run it. */
    Spawner.Spawned run(Path bundle) {
        return spawner.create(bundle, true);
    }

    long spawnerPid() {
        return spawner.pid();
    }

    /** Ends the spawner (it starts again with the next container); running containers stay. */
    void close() {
        spawner.close();
    }

    /** Starts the exec process of {@code <bundle>/exec/<id>.spec} through the spawner. */
    SpawnedExec exec(Path bundle, String id) {
        return spawner.exec(bundle, id);
    }

    /** Splits "unable to OPERATION OBJECT: ERRNO" back into its parts; the object is the path. */
    static SystemCallFailedException systemCallFailed(String line) {
        String prefix = "unable to ";
        int colon = line.lastIndexOf(": ");
        if (!line.startsWith(prefix) || colon < prefix.length()) {
            return new SystemCallFailedException("create container with", "launcher-shim", line);
        }
        String action = line.substring(prefix.length(), colon);
        int object = action.indexOf(" /");
        if (object < 0) {
            object = action.lastIndexOf(' ');
        }
        if (object < 0) {
            return new SystemCallFailedException(action, "", line.substring(colon + 2));
        }
        return new SystemCallFailedException(action.substring(0, object), action.substring(object + 1),
                line.substring(colon + 2));
    }

    private record Result(int code, String stdout, String stderr) { }

    private Result run(List<String> args) {
        List<String> command = new java.util.ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SystemCallFailedException("run", executable + " " + args.get(0), "ETIMEDOUT");
            }
            return new Result(process.exitValue(), stdout, stderr);
        } catch (IOException e) {
            throw new SystemCallFailedException("run", executable.toString(), e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SystemCallFailedException("run", executable.toString(), "EINTR", e);
        }
    }
}

package io.launcher.cli;

import io.launcher.api.Engine;
import io.launcher.api.LauncherException;
import io.launcher.api.NotFoundException;
import io.launcher.api.PathStat;
import io.launcher.layer.HostDirectory;
import io.launcher.layer.TarLayerReader;
import io.launcher.layer.TarLayerWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cp}: copies files between a container and the host, either way, with Docker's rules for
 * names ({@link CopyPaths}); {@code -} is a tar stream on stdin or stdout. The container side may
 * be running or stopped.
 */
public final class CpCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    boolean archive;
    boolean followLink;
    boolean quiet;
    String source;
    String destination;

    CpCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code cp}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "cp", "Copy files/folders between a container and the local filesystem",
                "",
                "Use '-' as the source to read a tar archive from stdin and extract it to a directory destination in a "
                        + "container.",
                "Use '-' as the destination to stream a tar archive of a container source to stdout.")
                .synopsis("launcher cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-",
                        "       launcher cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH")
                .flag("-a --archive", "Archive mode (copy all uid/gid information)")
                .flag("-L --follow-link", "Always follow symbol link in SRC_PATH")
                .flag("-q --quiet", "Suppress progress output during copy")
                .help()
                .operand("0", "SOURCE", null)
                .operand("1", "DESTINATION", null)
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--archive" -> archive = (Boolean) value;
            case "--follow-link" -> followLink = (Boolean) value;
            case "--quiet" -> quiet = (Boolean) value;
            case "SOURCE" -> source = (String) value;
            case "DESTINATION" -> destination = (String) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    /** {@code CONTAINER:PATH} or a host path (absolute, or relative and starting with {@code .}, or without a colon). */
    record Endpoint(Optional<String> container, String path) {
        static Endpoint parse(String argument) {
            int colon = argument.indexOf(':');
            if (argument.startsWith("/") || colon < 0 || argument.startsWith(".")) {
                return new Endpoint(Optional.empty(), argument);
            }
            return new Endpoint(Optional.of(argument.substring(0, colon)), argument.substring(colon + 1));
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Endpoint from = Endpoint.parse(source);
        Endpoint to = Endpoint.parse(destination);
        String problem = from.path().isEmpty() ? "source can not be empty"
                : to.path().isEmpty() ? "destination can not be empty"
                : from.container().isPresent() && to.container().isPresent() ? "copying between containers is not supported"
                : from.container().isEmpty() && to.container().isEmpty() ? "must specify at least one container source"
                : null;
        if (problem != null) {
            launcher.session().err().println(problem);
            return Cli.ENGINE_FAILED;
        }
        try {
            if (from.container().isPresent()) {
                fromContainer(launcher.engine(), from.container().get(), from.path(), to.path());
            } else {
                toContainer(launcher.engine(), from.path(), to.container().get(), to.path());
            }
            return 0;
        } catch (CopyPaths.Refused | HostPaths.HostFault e) {
            launcher.session().err().println(e.getMessage());
            return Cli.ENGINE_FAILED;
        }
    }

    private void fromContainer(Engine engine, String container, String path, String target)
            throws IOException, InterruptedException, CopyPaths.Refused, HostPaths.HostFault {
        String asked = path;
        String rebaseName = null;
        if (followLink) {
            PathStat stat = engine.statPath(container, path);
            if (stat.isSymlink()) {
                String[] rebased = CopyPaths.rebaseName(path, stat.linkTarget());
                asked = rebased[0];
                rebaseName = rebased[1];
            }
        }
        if (target.equals("-")) {
            String source = asked;
            TarOutput.write(launcher.session(), null, out -> engine.archivePath(container, source, out));
            return;
        }
        PathStat stat = engine.statPath(container, asked);
        CopyPaths.CopyInfo sourceInfo = new CopyPaths.CopyInfo(asked, true, stat.isDirectory(), rebaseName);
        CopyPaths.Plan plan = CopyPaths.prepare(sourceInfo, HostPaths.destination(target));
        String oldBase = CopyPaths.split(asked)[1];
        String newBase = plan.newBase() == null ? oldBase : plan.newBase();
        String requested = asked;
        try (TarPipe pipe = new TarPipe("cp-read", out -> engine.archivePath(container, requested, out));
             TarLayerReader tar = new TarLayerReader(pipe.input())) {
            try {
                HostDirectory.write(tar, Path.of(plan.directory()), name -> CopyPaths.rebase(name, oldBase, newBase), false);
            } catch (IOException | RuntimeException e) {
                pipe.writerFailure();
                throw e;
            }
        }
    }

    private void toContainer(Engine engine, String path, String container, String target)
            throws IOException, InterruptedException, CopyPaths.Refused, HostPaths.HostFault {
        CopyPaths.CopyInfo destinationInfo = containerDestination(engine, container, target);
        if (path.equals("-")) {
            if (!destinationInfo.isDirectory()) {
                throw new CopyPaths.Refused("destination \"" + container + ":" + target + "\" must be a directory");
            }
            engine.extractArchive(container, destinationInfo.path(), launcher.session().in(), archive, true);
            return;
        }
        CopyPaths.CopyInfo sourceInfo = HostPaths.source(path, followLink);
        CopyPaths.Plan plan = CopyPaths.prepare(sourceInfo, destinationInfo);
        String base = sourceInfo.rebaseName() != null ? sourceInfo.rebaseName() : CopyPaths.split(sourceInfo.path())[1];
        String name = plan.newBase() == null ? base : plan.newBase();
        Path host = Path.of(CopyPaths.clean(sourceInfo.path()));
        try (TarPipe pipe = new TarPipe("cp-write", out -> writeTar(host, name, out))) {
            try {
                engine.extractArchive(container, plan.directory(), pipe.input(), archive, true);
            } catch (IOException | RuntimeException e) {
                pipe.writerFailure();
                throw e;
            }
        }
    }

    private static void writeTar(Path host, String name, OutputStream out) throws IOException {
        TarLayerWriter tar = new TarLayerWriter(out);
        HostDirectory.read(host, name, tar);
        tar.finish();
    }

    /** Docker's view of the destination: a final symbolic link is followed once; missing is fine (its parent may exist). */
    private static CopyPaths.CopyInfo containerDestination(Engine engine, String container, String path) {
        String resolved = path;
        try {
            PathStat stat = engine.statPath(container, path);
            if (stat.isSymlink()) {
                resolved = stat.linkTarget();
                stat = engine.statPath(container, resolved);
            }
            return new CopyPaths.CopyInfo(resolved, true, stat.isDirectory(), null);
        } catch (NotFoundException e) {
            // A missing container is reported by the copy itself, with Docker's words.
            return new CopyPaths.CopyInfo(resolved, false, false, null);
        } catch (LauncherException e) {
            return new CopyPaths.CopyInfo(resolved, false, false, null);
        }
    }
}

package io.launcher;

import io.launcher.api.EventFilter;
import io.launcher.api.EventStream;
import io.launcher.api.PruneReport;
import io.launcher.api.DiskUsage;
import io.launcher.api.ProcessList;
import io.launcher.engine.EventBus;
import io.launcher.api.CommitRequest;
import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerDetails;
import io.launcher.api.ContainerId;
import io.launcher.api.ContainerState;
import io.launcher.api.Digest;
import io.launcher.api.Engine;
import io.launcher.api.EngineInfo;
import io.launcher.api.ExecConfig;
import io.launcher.api.ExecDetails;
import io.launcher.api.ExecSession;
import io.launcher.api.FilesystemChange;
import io.launcher.api.HostConfig;
import io.launcher.api.ImageConfig;
import io.launcher.api.ImageDeletion;
import io.launcher.api.ImageDetails;
import io.launcher.api.ImageHistory;
import io.launcher.api.ImageId;
import io.launcher.api.ImageReference;
import io.launcher.api.ImportRequest;
import io.launcher.api.InternalException;
import io.launcher.api.LogCursor;
import io.launcher.api.LogEntry;
import io.launcher.api.LogOptions;
import io.launcher.api.NetworkSettings;
import io.launcher.api.PluginReport;
import io.launcher.api.ProgressListener;
import io.launcher.api.StdStream;
import io.launcher.api.WaitCondition;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine of the start-up {@link Rehearsal}: one image, one container, all in memory, so that
 * every CLI command can make a real round trip through the client and the API server while a
 * class-data archive is recorded, without touching a store, a kernel or a running engine.
 */
final class RehearsalEngine implements Engine {
    private static final ContainerId CONTAINER = new ContainerId("4e".repeat(32));
    private static final ImageId IMAGE = new ImageId(Digest.sha256("b5".repeat(32)));
    private static final String EXEC = "4f".repeat(32);
    private static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");

    private ContainerDetails container = details(ContainerConfig.of("base", List.of("sh")), HostConfig.DEFAULT,
            ContainerState.created());

    private static ContainerDetails details(ContainerConfig config, HostConfig host, ContainerState state) {
        return new ContainerDetails(CONTAINER, "/rehearsal", CREATED, IMAGE, config, host, state, "",
                NetworkSettings.none(host.networkMode()));
    }

    @Override
    public EngineInfo info() {
        return new EngineInfo(1, 0, 0, 1, 1, "native", "overlay", "bridge",
                List.of(new PluginReport("isolation", "native", true, "", true)), "/var/lib/launcher", "6.0",
                "Linux", "x86_64", 1, 1L << 30, "rehearsal", "2");
    }

    @Override
    public ImageId importImage(InputStream tarball, ImportRequest request, ProgressListener progress) {
        try {
            tarball.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new InternalException("unable to read the rehearsal tarball: " + e.getMessage(), e);
        }
        return IMAGE;
    }

    @Override
    public List<ImageDetails> images() {
        return List.of(image("base"));
    }

    @Override
    public List<ImageHistory> history(String image) {
        return List.of(new ImageHistory(IMAGE.toString(), CREATED, "launcher import", List.of("base:latest"), 2_140_000, ""));
    }

    @Override
    public void tag(String image, ImageReference target) {
        image(image);
    }

    @Override
    public List<ImageDeletion> removeImage(String image, boolean force) {
        return List.of(ImageDeletion.untagged(ImageReference.parse(image).toString()));
    }

    @Override
    public ImageId commit(String container, CommitRequest request) {
        return IMAGE;
    }

    @Override
    public List<FilesystemChange> changes(String container) {
        return List.of(new FilesystemChange("/etc", FilesystemChange.Kind.MODIFIED),
                new FilesystemChange("/etc/x", FilesystemChange.Kind.ADDED));
    }

    @Override
    public void saveImages(List<String> images, OutputStream out) throws IOException {
        out.write(new byte[1024]);
    }

    @Override
    public List<String> loadImages(InputStream archive, ProgressListener progress) {
        try {
            archive.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new InternalException("unable to read the rehearsal archive: " + e.getMessage(), e);
        }
        return List.of("Loaded image: rehearsal:latest");
    }

    @Override
    public void export(String container, OutputStream out) throws IOException {
        out.write(new byte[1024]);
    }

    @Override
    public ImageDetails image(String reference) {
        ImageConfig config = new ImageConfig(List.of("PATH=/bin"), List.of("/bin/sh"), List.of(), "", "", List.of(), Map.of());
        return new ImageDetails(IMAGE, List.of("base:latest"), CREATED, config,
                List.of(Digest.sha256("c7".repeat(32))), 2_140_000, "", "");
    }

    @Override
    public synchronized ContainerId create(Optional<String> name, ContainerConfig config, HostConfig hostConfig) {
        container = details(config, hostConfig, ContainerState.created());
        return CONTAINER;
    }

    @Override
    public synchronized void start(String reference) {
        container = details(container.config(), container.hostConfig(), container.state().started(1, CREATED));
    }

    @Override
    public void stop(String reference, int timeoutSeconds) {
        // Nothing runs: the call's round trip is the rehearsal.
    }

    @Override
    public void kill(String reference, String signal) {
        // Nothing runs: the call's round trip is the rehearsal.
    }

    @Override
    public int await(String reference, WaitCondition condition) {
        return 0;
    }

    @Override
    public synchronized List<ContainerDetails> containers(boolean all) {
        return List.of(container);
    }

    @Override
    public synchronized ContainerDetails container(String reference) {
        return container;
    }

    @Override
    public void remove(String reference, boolean force) {
        // Nothing is stored: the call's round trip is the rehearsal.
    }

    @Override
    public LogCursor logs(String reference, LogOptions options) {
        return cursor();
    }

    @Override
    public LogCursor attach(String reference, boolean stdout, boolean stderr) {
        return cursor();
    }

    @Override
    public OutputStream attachStdin(String reference) {
        return OutputStream.nullOutputStream();
    }

    @Override
    public void resize(String reference, int rows, int columns) {
        // Nothing runs: the call's round trip is the rehearsal.
    }

    @Override
    public void restart(String reference, int timeoutSeconds) {
        start(reference);
    }

    @Override
    public void rename(String reference, String newName) {
        // Nothing is stored: the call's round trip is the rehearsal.
    }

    @Override
    public String createExec(String reference, ExecConfig config) {
        return EXEC;
    }

    @Override
    public ExecSession startExec(String execId) {
        LogCursor output = cursor();
        return new ExecSession() {
            @Override
            public OutputStream stdin() {
                return OutputStream.nullOutputStream();
            }

            @Override
            public LogCursor output() {
                return output;
            }

            @Override
            public void close() {
                output.close();
            }
        };
    }

    @Override
    public ExecDetails inspectExec(String execId) {
        return new ExecDetails(EXEC, CONTAINER, new ExecConfig(List.of("sh"), List.of(), "", "", false, false, true, true),
                false, 0, 0);
    }

    @Override
    public void resizeExec(String execId, int rows, int columns) {
        // Nothing runs: the call's round trip is the rehearsal.
    }

    private static LogCursor cursor() {
        return new LogCursor() {
            private boolean given;

            @Override
            public Optional<LogEntry> next() {
                if (given) {
                    return Optional.empty();
                }
                given = true;
                return Optional.of(new LogEntry(StdStream.STDOUT, CREATED, "rehearsal\n".getBytes(StandardCharsets.UTF_8)));
            }

            @Override
            public void close() {
                given = true;
            }
        };
    }

    @Override
    public EventStream events(EventFilter filter) {
        // Nothing happens in a rehearsal: a stream with no events that ends at its until.
        return new EventBus().subscribe(filter);
    }

    @Override
    public PruneReport pruneContainers() {
        return new PruneReport(List.of(), List.of(), 0);
    }

    @Override
    public PruneReport pruneImages(boolean all) {
        return new PruneReport(List.of(), List.of(), 0);
    }

    @Override
    public ProcessList top(String container, String psArgs) {
        return new ProcessList(List.of("UID", "PID", "CMD"), List.of(List.of("root", "1", "sh")));
    }

    @Override
    public void pause(String container) {
        // Nothing runs: the call's round trip is the rehearsal.
    }

    @Override
    public void unpause(String container) {
        // Nothing runs: the call's round trip is the rehearsal.
    }

    @Override
    public synchronized DiskUsage diskUsage() {
        return new DiskUsage(2_140_000, List.of(new DiskUsage.ImageUsage(image("base"), 0, 1)),
                List.of(new DiskUsage.ContainerUsage(container, 0, 2_140_000)));
    }
}

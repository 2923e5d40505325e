package io.launcher.cli;

import io.launcher.api.EventFilter;
import io.launcher.api.EventStream;
import io.launcher.api.PruneReport;
import io.launcher.engine.EventBus;
import io.launcher.api.CommitRequest;
import io.launcher.api.FilesystemChange;
import io.launcher.api.ImageDeletion;
import io.launcher.api.ImageHistory;
import io.launcher.api.ImageReference;
import java.io.OutputStream;
import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerDetails;
import io.launcher.api.ContainerId;
import io.launcher.api.ContainerState;
import io.launcher.api.Engine;
import io.launcher.api.EngineInfo;
import io.launcher.api.ExecConfig;
import io.launcher.api.ExecDetails;
import io.launcher.api.ExecSession;
import io.launcher.api.HostConfig;
import io.launcher.api.ImageDetails;
import io.launcher.api.ImageId;
import io.launcher.api.ImportRequest;
import io.launcher.api.LogCursor;
import io.launcher.api.LogEntry;
import io.launcher.api.LogOptions;
import io.launcher.api.NetworkSettings;
import io.launcher.api.NotFoundException;
import io.launcher.api.ProgressListener;
import io.launcher.api.RegistryCredentials;
import io.launcher.api.StdStream;
import io.launcher.api.WaitCondition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A hand-written engine that records what the CLI asked and answers from canned data. */
final class FakeEngine implements Engine {
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    final Map<String, ContainerDetails> containers = new LinkedHashMap<>();
    final List<ImageDetails> images = new ArrayList<>();
    final List<LogEntry> output = new ArrayList<>();
    ContainerConfig lastConfig;
    HostConfig lastHostConfig;
    Optional<String> lastName;
    ImportRequest lastImport;
    byte[] lastTarball;
    LogOptions lastLogOptions;
    int exitCode;
    ExecConfig lastExec;
    final ByteArrayOutputStream stdin = new ByteArrayOutputStream();
    volatile boolean stdinClosed;
    /** Makes attached output wait, after the canned entries, until the client closes it (a detach). */
    volatile boolean holdOutput;

    @Override
    public EngineInfo info() {
        return new EngineInfo(1, 1, 0, 0, 2, "native", "overlay", "bridge", List.of(), "/var/lib/launcher",
                "6.18.0", "Debian GNU/Linux 12", "x86_64", 2, 8L << 30, "host", "1");
    }

    @Override
    public ImageId importImage(InputStream tarball, ImportRequest request, ProgressListener progress) {
        try {
            lastTarball = tarball.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastImport = request;
        calls.add("import");
        return ImageId.parse("sha256:" + "ab".repeat(32));
    }

    @Override
    public List<ImageDetails> images() {
        return images;
    }

    @Override
    public ImageDetails image(String reference) {
        return images.stream().filter(i -> i.repoTags().contains(reference) || i.repoTags().contains(reference + ":latest"))
                .findFirst().orElseThrow(() -> new NotFoundException("No such image: " + reference));
    }

    CommitRequest lastCommit;
    final List<ImageHistory> history = new ArrayList<>();
    final List<FilesystemChange> changes = new ArrayList<>();

    @Override
    public List<ImageHistory> history(String image) {
        calls.add("history " + image);
        return history;
    }

    @Override
    public void tag(String image, ImageReference target) {
        calls.add("tag " + image + " " + target);
    }

    @Override
    public List<ImageDeletion> removeImage(String image, boolean force) {
        calls.add("rmi " + image + (force ? " -f" : ""));
        if (image.equals("used")) {
            throw new io.launcher.api.FailedPreconditionException("conflict: unable to remove repository reference \"used\" (must force)");
        }
        return List.of(ImageDeletion.untagged(image + ":latest"), ImageDeletion.deleted("sha256:" + "ab".repeat(32)));
    }

    @Override
    public ImageId commit(String container, CommitRequest request) {
        calls.add("commit " + container);
        lastCommit = request;
        return ImageId.parse("sha256:" + "cd".repeat(32));
    }

    @Override
    public List<FilesystemChange> changes(String container) {
        calls.add("diff " + container);
        return changes;
    }

    @Override
    public void saveImages(List<String> images, OutputStream out) throws IOException {
        calls.add("save " + String.join(" ", images));
        out.write("archive".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<String> loadImages(InputStream archive, ProgressListener progress) {
        try {
            lastTarball = archive.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        calls.add("load");
        return List.of("Loaded image: loaded:latest", "Loaded image ID: sha256:" + "a".repeat(64));
    }

    @Override
    public void export(String container, OutputStream out) throws IOException {
        calls.add("export " + container);
        find(container);
        out.write("tarball".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public ImageId pull(String reference, Optional<String> platform, Optional<RegistryCredentials> credentials,
                        ProgressListener progress) {
        calls.add("pull " + reference);
        throw new NotFoundException("pull access denied for " + reference
                + ", repository does not exist or may require 'docker login'");
    }

    @Override
    public ContainerId create(Optional<String> name, ContainerConfig config, HostConfig hostConfig) {
        if (config.image().equals("missing")) {
            throw new NotFoundException("No such image: missing:latest");
        }
        lastName = name;
        lastConfig = config;
        lastHostConfig = hostConfig;
        calls.add("create");
        ContainerId id = new ContainerId("0123456789ab" + "c".repeat(52));
        containers.put(id.value(), new ContainerDetails(id, "/" + name.orElse("fake"), NOW, ImageId.parse("sha256:" + "ab".repeat(32)),
                config, hostConfig, ContainerState.created(), "", NetworkSettings.none(hostConfig.networkMode())));
        return id;
    }

    @Override
    public void start(String container) {
        calls.add("start " + container);
    }

    @Override
    public void stop(String container, int timeoutSeconds) {
        find(container);
        calls.add("stop " + container + " " + timeoutSeconds);
    }

    @Override
    public void kill(String container, String signal) {
        find(container);
        calls.add("kill " + container + " " + signal);
    }

    @Override
    public int await(String container, WaitCondition condition) {
        calls.add("await " + condition);
        return exitCode;
    }

    @Override
    public List<ContainerDetails> containers(boolean all) {
        calls.add("containers " + all);
        return new ArrayList<>(containers.values());
    }

    @Override
    public ContainerDetails container(String container) {
        return find(container);
    }

    private ContainerDetails find(String container) {
        // Docker's order, as the real engine: a name wins over an id prefix.
        for (ContainerDetails details : containers.values()) {
            if (details.id().value().equals(container) || details.name().equals("/" + container)) {
                return details;
            }
        }
        for (ContainerDetails details : containers.values()) {
            if (details.id().value().startsWith(container)) {
                return details;
            }
        }
        throw new NotFoundException("No such container: " + container);
    }

    @Override
    public void remove(String container, boolean force) {
        find(container);
        calls.add("remove " + container + " " + force);
    }

    @Override
    public LogCursor logs(String container, LogOptions options) {
        lastLogOptions = options;
        return cursor();
    }

    @Override
    public LogCursor attach(String container, boolean stdout, boolean stderr) {
        calls.add("attach");
        return cursor();
    }

    private LogCursor cursor() {
        Deque<LogEntry> pending = new ArrayDeque<>(output);
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        boolean hold = holdOutput;
        return new LogCursor() {
            @Override
            public Optional<LogEntry> next() throws InterruptedException {
                // A held stream ends when the client closes it or closes stdin (a StdinOnce process exits then).
                while (pending.isEmpty() && hold && !stdinClosed
                        && !closed.await(10, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    Thread.onSpinWait();
                }
                return Optional.ofNullable(pending.poll());
            }

            @Override
            public void close() {
                closed.countDown();
            }
        };
    }

    @Override
    public OutputStream attachStdin(String container) {
        find(container);
        calls.add("attachStdin");
        return new OutputStream() {
            @Override
            public void write(int b) {
                stdin.write(b);
            }

            @Override
            public void close() {
                stdinClosed = true;
            }
        };
    }

    @Override
    public void resize(String container, int rows, int columns) {
        calls.add("resize " + rows + "x" + columns);
    }

    @Override
    public void restart(String container, int timeoutSeconds) {
        find(container);
        calls.add("restart " + container + " " + timeoutSeconds);
    }

    @Override
    public void rename(String container, String newName) {
        find(container);
        calls.add("rename " + container + " " + newName);
    }

    @Override
    public String createExec(String container, ExecConfig config) {
        find(container);
        lastExec = config;
        calls.add("createExec " + container);
        return "e".repeat(64);
    }

    @Override
    public ExecSession startExec(String execId) {
        calls.add("startExec");
        LogCursor output = cursor();
        return new ExecSession() {
            @Override
            public OutputStream stdin() {
                return stdin;
            }

            @Override
            public LogCursor output() {
                return output;
            }

            @Override
            public void close() {
                calls.add("closeExec");
            }
        };
    }

    @Override
    public ExecDetails inspectExec(String execId) {
        return new ExecDetails(execId, containers.values().iterator().next().id(), lastExec, false, exitCode, 0);
    }

    @Override
    public void resizeExec(String execId, int rows, int columns) {
        calls.add("resizeExec " + rows + "x" + columns);
    }

    static LogEntry entry(StdStream stream, String text) {
        return new LogEntry(stream, NOW, text.getBytes(StandardCharsets.UTF_8));
    }

    final EventBus bus = new EventBus();

    @Override
    public EventStream events(EventFilter filter) {
        calls.add("events");
        return bus.subscribe(filter);
    }

    @Override
    public PruneReport pruneContainers() {
        calls.add("pruneContainers");
        return new PruneReport(List.of("c".repeat(64)), List.of(), 0);
    }

    @Override
    public PruneReport pruneImages(boolean all) {
        calls.add("pruneImages " + all);
        return new PruneReport(List.of(), List.of(io.launcher.api.ImageDeletion.deleted("sha256:" + "d".repeat(64))), 0);
    }

    /** Writable-layer size of every container in {@link #diskUsage()}. */
    long containerSizeRw;

    @Override
    public io.launcher.api.ProcessList top(String container, String psArgs) {
        calls.add("top " + container + " [" + psArgs + "]");
        find(container);
        return new io.launcher.api.ProcessList(List.of("UID", "PID", "CMD"),
                List.of(List.of("root", "4242", "sleep 100"), List.of("daemon", "4243", "sh -c x")));
    }

    @Override
    public void pause(String container) {
        calls.add("pause " + container);
        find(container);
    }

    @Override
    public void unpause(String container) {
        calls.add("unpause " + container);
        find(container);
    }

    /** Every image shares 1000 bytes and is used by the containers that name it. */
    @Override
    public io.launcher.api.DiskUsage diskUsage() {
        long layers = images.stream().mapToLong(ImageDetails::size).sum() - 1000L * Math.max(0, images.size() - 1);
        return new io.launcher.api.DiskUsage(layers,
                images.stream().map(i -> new io.launcher.api.DiskUsage.ImageUsage(i, images.size() > 1 ? 1000 : 0,
                        (int) containers.values().stream().filter(c -> c.image().equals(i.id())).count())).toList(),
                containers.values().stream().map(c -> new io.launcher.api.DiskUsage.ContainerUsage(c, containerSizeRw,
                        containerSizeRw)).toList());
    }
}

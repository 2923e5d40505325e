package io.launcher.daemon;

import io.launcher.api.EventFilter;
import io.launcher.api.EventStream;
import io.launcher.api.PruneReport;
import io.launcher.engine.EventBus;
import io.launcher.api.AlreadyExistsException;
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
import io.launcher.api.Digest;
import io.launcher.api.Engine;
import io.launcher.api.EngineInfo;
import io.launcher.api.ExecConfig;
import io.launcher.api.ExecDetails;
import io.launcher.api.ExecSession;
import io.launcher.api.ExitStatus;
import io.launcher.api.HostConfig;
import io.launcher.api.ImageConfig;
import io.launcher.api.ImageDetails;
import io.launcher.api.ImageId;
import io.launcher.api.ImportRequest;
import io.launcher.api.IllegalTransitionException;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.LogCursor;
import io.launcher.api.LogEntry;
import io.launcher.api.LogOptions;
import io.launcher.api.NetworkSettings;
import io.launcher.api.NotFoundException;
import io.launcher.api.PluginReport;
import io.launcher.api.ProgressListener;
import io.launcher.api.StdStream;
import io.launcher.api.WaitCondition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory engine for the API tests: containers run until a test finishes them. */
public class FakeEngine implements Engine {
    private final Map<String, ContainerDetails> containers = new LinkedHashMap<>();
    private final Map<String, List<LogEntry>> output = new LinkedHashMap<>();
    private final List<ImageDetails> images = new ArrayList<>();
    private final Map<String, Integer> exits = new LinkedHashMap<>();
    public volatile byte[] lastImport;
    public volatile ImportRequest lastImportRequest;
    public volatile ContainerConfig lastConfig;
    public volatile HostConfig lastHostConfig;
    /** What clients wrote to each container's stdin, and which stdins were closed. */
    public final Map<String, ByteArrayOutputStream> stdin = new java.util.concurrent.ConcurrentHashMap<>();
    public final java.util.Set<String> stdinClosed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    public volatile String lastResize;
    final FakeExecs execs = new FakeExecs();

    public FakeEngine() {
        images.add(image("a".repeat(64), List.of("base:latest", "localhost:5000/team/app:v1")));
    }

    static ImageDetails image(String hex, List<String> tags) {
        return new ImageDetails(new ImageId(Digest.sha256(hex)), tags, Instant.parse("2024-01-02T03:04:05.5Z"),
                new ImageConfig(List.of("PATH=/bin"), List.of("sh"), List.of(), "/", "", List.of(), Map.of("a", "b")),
                List.of(Digest.sha256("b".repeat(64))), 1234, "imported", "");
    }

    @Override
    public EngineInfo info() {
        return new EngineInfo(containers.size(), 0, 0, containers.size(), images.size(), "native", "overlay", "bridge",
                List.of(new PluginReport("isolation", "native", true, "", true),
                        new PluginReport("storage", "aufs", false, "this kernel has no AUFS", false)),
                "/var/lib/launcher", "6.18.0", "Debian GNU/Linux 12", "x86_64", 2, 8L << 30, "host", "1");
    }

    @Override
    public ImageId importImage(InputStream tarball, ImportRequest request, ProgressListener progress) {
        try {
            byte[] bytes = tarball.readAllBytes();
            if (new String(bytes, StandardCharsets.ISO_8859_1).startsWith("BAD")) {
                progress.progress("Importing", 3, -1);
                throw new InvalidSpecException("invalid tar header");
            }
            progress.progress("Importing", bytes.length, bytes.length);
            lastImport = bytes;
            lastImportRequest = request;
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            synchronized (this) {
                images.add(image(hex, request.tag().map(t -> List.of(t.toString())).orElse(List.of())));
            }
            return new ImageId(Digest.sha256(hex));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized List<ImageDetails> images() {
        return List.copyOf(images);
    }

    @Override
    public synchronized ImageDetails image(String reference) {
        for (ImageDetails image : images) {
            if (image.repoTags().contains(reference) || image.repoTags().contains(reference + ":latest")
                    || image.id().toString().equals(reference) || image.id().digest().hex().startsWith(reference)) {
                return image;
            }
        }
        throw new NotFoundException("No such image: " + reference);
    }

    CommitRequest lastCommit;

    @Override
    public synchronized List<ImageHistory> history(String reference) {
        ImageDetails image = image(reference);
        return List.of(new ImageHistory(image.id().toString(), image.created(), "/bin/sh -c echo hi > /x", image.repoTags(), 12, "made"),
                new ImageHistory(ImageHistory.MISSING, image.created(), "launcher import", List.of(), 4_260_000, ""));
    }

    @Override
    public synchronized void tag(String reference, ImageReference target) {
        ImageDetails image = image(reference);
        List<String> tags = new ArrayList<>(image.repoTags());
        tags.add(target.toString());
        images.set(images.indexOf(image), image(image.id().digest().hex(), tags));
    }

    @Override
    public synchronized List<ImageDeletion> removeImage(String reference, boolean force) {
        ImageDetails image = image(reference);
        if (!force && containers.values().stream().anyMatch(c -> c.image().equals(image.id()))) {
            throw new io.launcher.api.FailedPreconditionException("conflict: unable to delete " + image.id().shortId()
                    + " (must be forced) - image is being used by stopped container");
        }
        images.remove(image);
        List<ImageDeletion> records = new ArrayList<>();
        image.repoTags().forEach(t -> records.add(ImageDeletion.untagged(t)));
        records.add(ImageDeletion.deleted(image.id().toString()));
        return records;
    }

    @Override
    public synchronized ImageId commit(String container, CommitRequest request) {
        container(container);
        lastCommit = request;
        ImageId id = new ImageId(Digest.sha256("c".repeat(64)));
        images.add(image(id.digest().hex(), request.tag().map(t -> List.of(t.toString())).orElse(List.of())));
        return id;
    }

    @Override
    public synchronized List<FilesystemChange> changes(String container) {
        container(container);
        return List.of(new FilesystemChange("/etc", FilesystemChange.Kind.MODIFIED),
                new FilesystemChange("/etc/x", FilesystemChange.Kind.ADDED),
                new FilesystemChange("/bin/y", FilesystemChange.Kind.DELETED));
    }

    @Override
    public void saveImages(List<String> images, OutputStream out) throws IOException {
        for (String image : images) {
            image(image);
        }
        out.write(("archive of " + String.join(",", images)).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<String> loadImages(InputStream archive, ProgressListener progress) {
        try {
            byte[] bytes = archive.readAllBytes();
            progress.item("0123456789ab", "Loading layer", bytes.length, bytes.length);
            return List.of("Loaded image: loaded:" + bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void export(String container, OutputStream out) throws IOException {
        out.write(("tar of " + container(container).id().value()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized ContainerId create(Optional<String> name, ContainerConfig config, HostConfig hostConfig) {
        ImageDetails image = image(config.image());
        String chosen = name.orElse("c" + containers.size());
        if (containers.values().stream().anyMatch(c -> c.name().equals(chosen))) {
            throw new AlreadyExistsException("Conflict. The container name \"/" + chosen + "\" is already in use");
        }
        lastConfig = config;
        lastHostConfig = hostConfig;
        ContainerId id = ContainerId.random();
        containers.put(id.value(), new ContainerDetails(id, chosen, Instant.now(), image.id(), config, hostConfig,
                ContainerState.created(), "/logs/" + id, NetworkSettings.none(hostConfig.networkMode())));
        output.put(id.value(), new ArrayList<>());
        return id;
    }

    @Override
    public synchronized void start(String container) {
        ContainerDetails c = container(container);
        if (c.state().running()) {
            throw new IllegalTransitionException("container " + c.name() + " is already running");
        }
        replace(c, c.state().started(4242, Instant.now()));
    }

    @Override
    public synchronized void stop(String container, int timeoutSeconds) {
        finish(container, ExitStatus.killed(15, false));
    }

    @Override
    public synchronized void kill(String container, String signal) {
        ContainerDetails c = container(container);
        if (!c.state().running()) {
            throw new io.launcher.api.FailedPreconditionException("container " + c.name() + " is not running");
        }
        finish(container, ExitStatus.killed(9, false));
    }

    /** Test hook: the container writes output. */
    public synchronized void emit(String container, StdStream stream, String text) {
        output.get(container(container).id().value())
                .add(new LogEntry(stream, Instant.now(), text.getBytes(StandardCharsets.UTF_8)));
        notifyAll();
    }

    /** Test hook: the container's process ends. */
    public synchronized void finish(String container, ExitStatus exit) {
        ContainerDetails c = container(container);
        exits.merge(c.id().value(), 1, Integer::sum);
        replace(c, c.state().exited(exit, Instant.now()));
    }

    private void replace(ContainerDetails c, ContainerState state) {
        containers.put(c.id().value(), new ContainerDetails(c.id(), c.name(), c.created(), c.image(), c.config(),
                c.hostConfig(), state, c.logPath(), c.network()));
        notifyAll();
    }

    @Override
    public synchronized int await(String container, WaitCondition condition) throws InterruptedException {
        String id = container(container).id().value();
        int exitsBefore = exits.getOrDefault(id, 0);
        while (true) {
            ContainerDetails c = containers.get(id);
            if (c == null) {
                return 0;
            }
            boolean holds = switch (condition) {
                case NOT_RUNNING -> !c.state().running();
                case NEXT_EXIT -> exits.getOrDefault(id, 0) > exitsBefore;
                case REMOVED -> false;
            };
            if (holds) {
                return c.state().exitCode();
            }
            wait();
        }
    }

    @Override
    public synchronized List<ContainerDetails> containers(boolean all) {
        return containers.values().stream().filter(c -> all || c.state().running()).toList();
    }

    @Override
    public synchronized ContainerDetails container(String container) {
        // Docker's order: a name wins over an id prefix ("c" names a container, though an id
        // may start with c).
        for (ContainerDetails c : containers.values()) {
            if (c.id().value().equals(container) || c.name().equals(container)) {
                return c;
            }
        }
        for (ContainerDetails c : containers.values()) {
            if (c.id().value().startsWith(container)) {
                return c;
            }
        }
        throw new NotFoundException("No such container: " + container);
    }

    @Override
    public synchronized void remove(String container, boolean force) {
        ContainerDetails c = container(container);
        if (c.state().running() && !force) {
            throw new io.launcher.api.FailedPreconditionException("cannot remove container " + c.name() + ": it is running");
        }
        containers.remove(c.id().value());
        notifyAll();
    }

    @Override
    public synchronized LogCursor logs(String container, LogOptions options) {
        String id = container(container).id().value();
        return cursor(id, 0, options.follow(), options.stdout(), options.stderr(), options.tail());
    }

    @Override
    public synchronized LogCursor attach(String container, boolean stdout, boolean stderr) {
        String id = container(container).id().value();
        return cursor(id, output.get(id).size(), true, stdout, stderr, -1);
    }

    /** A container running {@code cat} echoes its stdin as output and exits when a StdinOnce stdin closes. */
    @Override
    public OutputStream attachStdin(String container) {
        ContainerDetails c = container(container);
        if (!c.config().openStdin()) {
            throw new io.launcher.api.FailedPreconditionException("container " + c.name() + " has no open stdin");
        }
        String id = c.id().value();
        ByteArrayOutputStream bytes = stdin.computeIfAbsent(id, k -> new ByteArrayOutputStream());
        boolean cat = c.config().cmd().equals(List.of("cat"));
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] data, int offset, int length) {
                awaitStart(id);
                synchronized (bytes) {
                    bytes.write(data, offset, length);
                }
                if (cat) {
                    emit(id, StdStream.STDOUT, new String(data, offset, length, StandardCharsets.UTF_8));
                }
            }

            @Override
            public void close() {
                awaitStart(id);
                if (c.config().stdinOnce()) {
                    stdinClosed.add(id);
                    if (cat) {
                        finish(id, ExitStatus.exited(0));
                    }
                }
            }
        };
    }

    /** Input reaches a process only once it runs, as the real engine holds it until the start. */
    private synchronized void awaitStart(String id) {
        try {
            while (containers.containsKey(id) && containers.get(id).state().status() == io.launcher.api.ContainerStatus.CREATED) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void resize(String container, int rows, int columns) {
        lastResize = container(container).id().value() + " " + rows + "x" + columns;
    }

    @Override
    public synchronized void restart(String container, int timeoutSeconds) {
        ContainerDetails c = container(container);
        if (c.state().running()) {
            finish(container, ExitStatus.killed(15, false));
        }
        start(container);
    }

    @Override
    public synchronized void rename(String container, String newName) {
        ContainerDetails c = container(container);
        containers.put(c.id().value(), new ContainerDetails(c.id(), newName, c.created(), c.image(), c.config(),
                c.hostConfig(), c.state(), c.logPath(), c.network()));
    }

    @Override
    public String createExec(String container, ExecConfig config) {
        ContainerDetails c = container(container);
        if (!c.state().running()) {
            throw new io.launcher.api.FailedPreconditionException("Container " + c.id() + " is not running");
        }
        return execs.create(c.id(), config);
    }

    @Override
    public ExecSession startExec(String execId) {
        return execs.start(execId);
    }

    @Override
    public ExecDetails inspectExec(String execId) {
        return execs.details(execId);
    }

    @Override
    public void resizeExec(String execId, int rows, int columns) {
        execs.find(execId).size = new int[] {rows, columns};
    }

    private LogCursor cursor(String id, int from, boolean follow, boolean stdout, boolean stderr, int tail) {
        List<LogEntry> entries = output.get(id);
        int start = tail >= 0 ? Math.max(from, entries.size() - tail) : from;
        return new LogCursor() {
            private int next = start;

            @Override
            public Optional<LogEntry> next() throws InterruptedException {
                synchronized (FakeEngine.this) {
                    while (true) {
                        while (next < entries.size()) {
                            LogEntry entry = entries.get(next++);
                            if (entry.stream() == StdStream.STDOUT ? stdout : stderr) {
                                return Optional.of(entry);
                            }
                        }
                        ContainerDetails c = containers.get(id);
                        if (!follow || c == null || !c.state().running() && c.state().status() != io.launcher.api.ContainerStatus.CREATED) {
                            return Optional.empty();
                        }
                        FakeEngine.this.wait();
                    }
                }
            }

            @Override
            public void close() {
            }
        };
    }

    final EventBus bus = new EventBus();

    @Override
    public EventStream events(EventFilter filter) {
        return bus.subscribe(filter);
    }

    @Override
    public synchronized PruneReport pruneContainers() {
        List<String> gone = containers.keySet().stream().filter(id -> !containers.get(id).state().running()).toList();
        gone.forEach(containers::remove);
        return new PruneReport(gone, List.of(), 0);
    }

    @Override
    public PruneReport pruneImages(boolean all) {
        return new PruneReport(List.of(), List.of(), 0);
    }

    /** Records the ps arguments it was asked with; answers two rows. */
    public volatile String lastPsArgs;

    @Override
    public synchronized io.launcher.api.ProcessList top(String container, String psArgs) {
        if (!container(container).state().running()) {
            throw new io.launcher.api.FailedPreconditionException("Container " + container + " is not running");
        }
        lastPsArgs = psArgs;
        return new io.launcher.api.ProcessList(List.of("PID", "CMD"), List.of(List.of("10", "sleep 9"), List.of("11", "sh")));
    }

    @Override
    public synchronized void pause(String container) {
        setStatus(container, io.launcher.api.ContainerStatus.RUNNING, io.launcher.api.ContainerStatus.PAUSED);
    }

    @Override
    public synchronized void unpause(String container) {
        setStatus(container, io.launcher.api.ContainerStatus.PAUSED, io.launcher.api.ContainerStatus.RUNNING);
    }

    private void setStatus(String container, io.launcher.api.ContainerStatus from, io.launcher.api.ContainerStatus to) {
        ContainerDetails c = container(container);
        ContainerState s = c.state();
        if (s.status() != from) {
            throw new io.launcher.api.FailedPreconditionException("Container " + c.id() + " is not " + from.apiName());
        }
        containers.put(c.id().value(), new ContainerDetails(c.id(), c.name(), c.created(), c.image(), c.config(),
                c.hostConfig(), new ContainerState(to, s.pid(), s.exitCode(), s.oomKilled(), s.error(), s.startedAt(),
                s.finishedAt()), c.logPath(), c.network()));
    }

    @Override
    public synchronized io.launcher.api.DiskUsage diskUsage() {
        return new io.launcher.api.DiskUsage(5000,
                images.stream().map(i -> new io.launcher.api.DiskUsage.ImageUsage(i, 200, containers.size())).toList(),
                containers.values().stream().map(c -> new io.launcher.api.DiskUsage.ContainerUsage(c, 100, 1334)).toList());
    }
}

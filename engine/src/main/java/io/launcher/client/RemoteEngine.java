package io.launcher.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.CommitRequest;
import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerDetails;
import io.launcher.api.ContainerId;
import io.launcher.api.DiskUsage;
import io.launcher.api.Engine;
import io.launcher.api.EngineInfo;
import io.launcher.api.EventFilter;
import io.launcher.api.EventStream;
import io.launcher.api.ExecConfig;
import io.launcher.api.ExecDetails;
import io.launcher.api.ExecSession;
import io.launcher.api.FilesystemChange;
import io.launcher.api.HostConfig;
import io.launcher.api.ImageDeletion;
import io.launcher.api.ImageDetails;
import io.launcher.api.ImageHistory;
import io.launcher.api.ImageId;
import io.launcher.api.ImageReference;
import io.launcher.api.ImportRequest;
import io.launcher.api.LogCursor;
import io.launcher.api.LogOptions;
import io.launcher.api.NotFoundException;
import io.launcher.api.PathStat;
import io.launcher.api.ProcessList;
import io.launcher.api.ProgressListener;
import io.launcher.api.PruneReport;
import io.launcher.api.RegistryCredentials;
import io.launcher.api.WaitCondition;
import io.launcher.daemon.ContainerJson;
import io.launcher.daemon.DockerJson;
import io.launcher.daemon.EngineInfoJson;
import io.launcher.daemon.ExecJson;
import io.launcher.daemon.ImageJson;
import io.launcher.daemon.LayerJson;
import io.launcher.http.Headers;
import io.launcher.http.HttpClientConnection;
import io.launcher.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link Engine} of a daemon, over the Docker Engine API on its UNIX socket: what every CLI
 * command but {@code daemon} talks to. Each call uses a connection of its own.
 */
public final class RemoteEngine implements Engine {
    private final Path socket;
    private final RemoteStreams streams;

    private RemoteEngine(Path socket) {
        this.socket = socket;
        this.streams = new RemoteStreams(socket);
    }

    /** Connects to a running engine, failing fast with UnavailableException when none answers. */
    public static RemoteEngine connect(Path socket) {
        RemoteEngine engine = new RemoteEngine(socket.toAbsolutePath());
        engine.ping();
        return engine;
    }

    /** Connects, starting a daemon in the background first when none answers; see {@link DaemonStarter}. */
    public static RemoteEngine connectOrStart(Path socket, Path root, Path home, List<String> daemonArgs) {
        // A connect, not a /_ping round trip: the first request follows at once and reports an engine that fails.
        if (HttpClientConnection.listening(socket)) {
            return new RemoteEngine(socket.toAbsolutePath());
        }
        new DaemonStarter(socket.toAbsolutePath(), root, home, daemonArgs).start();
        return connect(socket);
    }

    /** Whether an engine answers {@code /_ping} on the socket. */
    public static boolean answers(Path socket) {
        try {
            new RemoteEngine(socket.toAbsolutePath()).ping();
            return true;
        } catch (io.launcher.api.LauncherException e) {
            return false;
        }
    }

    public Path socket() {
        return socket;
    }

    private void ping() {
        try (EngineConnection call = EngineConnection.open(socket)) {
            call.send("GET", ApiTarget.of("_ping"), null, new Headers()).body().readAllBytes();
        } catch (IOException e) {
            throw EngineConnection.unreachable(socket, e);
        }
    }

    private JsonNode json(String method, ApiTarget target, JsonNode body) {
        try (EngineConnection call = EngineConnection.open(socket)) {
            return call.json(method, target, body);
        }
    }

    private void call(String method, ApiTarget target) {
        try (EngineConnection call = EngineConnection.open(socket)) {
            call.send(method, target, null, new Headers()).body().readAllBytes();
        } catch (IOException e) {
            throw EngineConnection.unreachable(socket, e);
        }
    }

    @Override
    public EngineInfo info() {
        return EngineInfoJson.read(json("GET", ApiTarget.of("info"), null));
    }

    @Override
    public ImageId importImage(InputStream tarball, ImportRequest request, ProgressListener progress) {
        ApiTarget target = ApiTarget.of("images", "create").param("fromSrc", "-").param("message", request.message());
        request.tag().ifPresent(t -> target.param("repo", t.repository()).param("tag", t.tag()));
        request.changes().forEach(c -> target.param("changes", c));
        try (EngineConnection call = EngineConnection.open(socket)) {
            HttpResponse response = call.sendStreaming("POST", target, tarball,
                    Headers.of("Content-Type", "application/x-tar"));
            return ImportProgressReader.read(response.body(), progress);
        } catch (IOException e) {
            throw EngineConnection.unreachable(socket, e);
        }
    }

    @Override
    public ImageId pull(String reference, Optional<String> platform, Optional<RegistryCredentials> credentials,
                        ProgressListener progress) {
        return new RemoteRegistry(socket).pull(reference, platform, credentials, progress);
    }

    @Override
    public void push(String reference, Optional<RegistryCredentials> credentials, ProgressListener progress) {
        new RemoteRegistry(socket).push(reference, credentials, progress);
    }

    @Override
    public void login(String registry, RegistryCredentials credentials) {
        new RemoteRegistry(socket).login(registry, credentials);
    }

    @Override
    public List<ImageDetails> images() {
        List<ImageDetails> images = new ArrayList<>();
        for (JsonNode summary : json("GET", ApiTarget.of("images", "json"), null)) {
            try {
                images.add(image(DockerJson.text(summary, "Id")));
            } catch (NotFoundException e) {
                // removed since the list was taken
            }
        }
        return images;
    }

    @Override
    public ImageDetails image(String reference) {
        return ImageJson.read(json("GET", ApiTarget.of("images").segment(reference).segment("json"), null));
    }

    @Override
    public List<ImageHistory> history(String image) {
        return LayerJson.readHistory(json("GET", ApiTarget.of("images").segment(image).segment("history"), null));
    }

    @Override
    public void tag(String image, ImageReference target) {
        call("POST", ApiTarget.of("images").segment(image).segment("tag")
                .param("repo", target.repository()).param("tag", target.tag()));
    }

    @Override
    public List<ImageDeletion> removeImage(String image, boolean force) {
        return LayerJson.readDeletions(json("DELETE", ApiTarget.of("images").segment(image).param("force", force), null));
    }

    @Override
    public ImageId commit(String container, CommitRequest request) {
        ApiTarget target = ApiTarget.of("commit").param("container", container)
                .param("comment", request.comment()).param("author", request.author())
                .param("pause", Boolean.toString(request.pause()));
        request.tag().ifPresent(t -> target.param("repo", t.repository()).param("tag", t.tag()));
        request.changes().forEach(c -> target.param("changes", c));
        return ImageId.parse(DockerJson.text(json("POST", target, null), "Id"));
    }

    @Override
    public List<FilesystemChange> changes(String container) {
        return LayerJson.readChanges(json("GET", ApiTarget.of("containers", container, "changes"), null));
    }

    @Override
    public void export(String container, OutputStream out) throws IOException {
        try (EngineConnection call = EngineConnection.open(socket)) {
            TarDownload.copy(call.send("GET", ApiTarget.of("containers", container, "export"), null, new Headers()).body(), out);
        }
    }

    @Override
    public PathStat statPath(String container, String path) {
        return new RemoteArchives(socket).stat(container, path);
    }

    @Override
    public void archivePath(String container, String path, OutputStream out) throws IOException {
        new RemoteArchives(socket).archive(container, path, out);
    }

    @Override
    public void extractArchive(String container, String path, InputStream tar, boolean copyOwners,
                               boolean noOverwriteDirNonDir) {
        new RemoteArchives(socket).extract(container, path, tar, copyOwners, noOverwriteDirNonDir);
    }

    @Override
    public void saveImages(List<String> images, OutputStream out) throws IOException {
        new RemoteImageArchives(socket).save(images, out);
    }

    @Override
    public List<String> loadImages(InputStream archive, ProgressListener progress) {
        return new RemoteImageArchives(socket).load(archive, progress);
    }

    @Override
    public ContainerId create(Optional<String> name, ContainerConfig config, HostConfig hostConfig) {
        ApiTarget target = ApiTarget.of("containers", "create");
        if (name.isPresent()) {
            target.param("name", name.get());
        }
        byte[] body = CreateRequest.body(config, hostConfig);
        try (EngineConnection call = EngineConnection.open(socket)) {
            return new ContainerId(ClientJson.scalars(call.sendJson("POST", target, body).body()).getOrDefault("Id", ""));
        } catch (IOException e) {
            throw EngineConnection.unreachable(socket, e);
        }
    }

    @Override
    public void start(String container) {
        call("POST", ApiTarget.of("containers", container, "start"));
    }

    @Override
    public void stop(String container, int timeoutSeconds) {
        call("POST", ApiTarget.of("containers", container, "stop").param("t", Integer.toString(timeoutSeconds)));
    }

    @Override
    public void kill(String container, String signal) {
        call("POST", ApiTarget.of("containers", container, "kill").param("signal", signal));
    }

    @Override
    public int await(String container, WaitCondition condition) throws InterruptedException {
        return new RemoteWait(socket).await(container, condition);
    }

    @Override
    public CompletableFuture<Integer> awaitLater(String container, WaitCondition condition) {
        return new RemoteWait(socket).awaitLater(container, condition);
    }

    @Override
    public List<ContainerDetails> containers(boolean all) {
        List<ContainerDetails> containers = new ArrayList<>();
        for (JsonNode summary : json("GET", ApiTarget.of("containers", "json").param("all", all), null)) {
            try {
                containers.add(container(DockerJson.text(summary, "Id")));
            } catch (NotFoundException e) {
                // removed since the list was taken
            }
        }
        return containers;
    }

    @Override
    public ContainerDetails container(String container) {
        return ContainerJson.read(json("GET", ApiTarget.of("containers", container, "json"), null));
    }

    @Override
    public void remove(String container, boolean force) {
        call("DELETE", ApiTarget.of("containers", container).param("force", force));
    }

    @Override
    public LogCursor logs(String container, LogOptions options) {
        // the TTY matters only to timestamps: without them, no inspect round trip first
        boolean tty = options.times() && container(container).config().tty();
        return streams.logs(container, tty, options);
    }

    @Override
    public LogCursor attach(String container, boolean stdout, boolean stderr) {
        return streams.attach(container, stdout, stderr);
    }

    @Override
    public OutputStream attachStdin(String container) {
        return streams.attachStdin(container);
    }

    @Override
    public void resize(String container, int rows, int columns) {
        call("POST", ApiTarget.of("containers", container, "resize")
                .param("h", Integer.toString(rows)).param("w", Integer.toString(columns)));
    }

    @Override
    public void restart(String container, int timeoutSeconds) {
        call("POST", ApiTarget.of("containers", container, "restart").param("t", Integer.toString(timeoutSeconds)));
    }

    @Override
    public void rename(String container, String newName) {
        call("POST", ApiTarget.of("containers", container, "rename").param("name", newName));
    }

    @Override
    public String createExec(String container, ExecConfig config) {
        return DockerJson.text(json("POST", ApiTarget.of("containers", container, "exec"), ExecJson.writeConfig(config)), "Id");
    }

    @Override
    public ExecSession startExec(String execId) {
        return streams.startExec(execId);
    }

    @Override
    public ExecDetails inspectExec(String execId) {
        return ExecJson.readDetails(json("GET", ApiTarget.of("exec", execId, "json"), null));
    }

    @Override
    public void resizeExec(String execId, int rows, int columns) {
        call("POST", ApiTarget.of("exec", execId, "resize")
                .param("h", Integer.toString(rows)).param("w", Integer.toString(columns)));
    }

    @Override
    public EventStream events(EventFilter filter) {
        return streams.events(filter);
    }

    @Override
    public PruneReport pruneContainers() {
        JsonNode body = json("POST", ApiTarget.of("containers", "prune"), null);
        List<String> ids = new ArrayList<>();
        body.path("ContainersDeleted").forEach(n -> ids.add(n.asText()));
        return new PruneReport(ids, List.of(), body.path("SpaceReclaimed").asLong());
    }

    @Override
    public PruneReport pruneImages(boolean all) {
        ApiTarget target = ApiTarget.of("images", "prune");
        if (all) {
            target.param("filters", "{\"dangling\":[\"false\"]}");
        }
        JsonNode body = json("POST", target, null);
        return new PruneReport(List.of(), LayerJson.readDeletions(body.path("ImagesDeleted")), body.path("SpaceReclaimed").asLong());
    }

    @Override
    public ProcessList top(String container, String psArgs) {
        return new RemoteProcesses(socket).top(container, psArgs);
    }

    @Override
    public void pause(String container) {
        new RemoteProcesses(socket).pause(container);
    }

    @Override
    public void unpause(String container) {
        new RemoteProcesses(socket).unpause(container);
    }

    @Override
    public DiskUsage diskUsage() {
        return new RemoteDiskUsage(socket, this).read();
    }
}

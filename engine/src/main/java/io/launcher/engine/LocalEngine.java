package io.launcher.engine;

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
import io.launcher.api.InternalException;
import io.launcher.api.LogCursor;
import io.launcher.api.LogOptions;
import io.launcher.api.NetworkDetails;
import io.launcher.api.NetworkSettings;
import io.launcher.api.PathStat;
import io.launcher.api.PluginReport;
import io.launcher.api.ProcessList;
import io.launcher.api.ProgressListener;
import io.launcher.api.PruneReport;
import io.launcher.api.RegistryCredentials;
import io.launcher.api.WaitCondition;
import io.launcher.engine.ContainerRecord.EndpointRecord;
import io.launcher.spi.isolation.IsolationBackend;
import io.launcher.spi.network.NetworkDriver;
import io.launcher.spi.storage.StorageDriver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The engine: policy over the three SPIs. Owns the metadata store under the state root, the
 * container state machine and the network addresses; asks the storage driver for root
 * filesystems, the isolation backend for sandboxes, the network driver for endpoints.
 */
public final class LocalEngine implements Engine, AutoCloseable {
    private final EngineSettings settings;
    private final List<BackendSelection<?>> selections;
    private final StorageDriver storage;
    private final ImageStore images;
    private final ImageImporter importer;
    private final ContainerStore store;
    private final ContainerRegistry registry;
    private final ContainerLifecycle lifecycle;
    private final LayerStore layers;
    private final ImageRemover remover;
    private final ExecSessions execs;
    private final ImageDistribution distribution;
    private final EventBus events = new EventBus();
    private final ImageEvents imageEvents = new ImageEvents(events);
    private final Pruner pruner;
    private final ImageArchives archives;
    private final ContainerNaming naming;
    private final DiskReserve reserve;
    private final ContainerFilesystems filesystems;
    private final ContainerStreams streams;

    private LocalEngine(EngineSettings settings, List<BackendSelection<?>> selections, StorageDriver storage,
                        IsolationBackend isolation, ContainerNetworking networking, DiskReserve reserve) throws IOException {
        this.settings = settings;
        this.selections = selections;
        this.storage = storage;
        this.reserve = reserve;
        this.layers = new LayerStore(settings.root().resolve("layers"));
        this.images = new ImageStore(settings.root().resolve("images"), layers);
        this.importer = new ImageImporter(storage, layers, images, reserve);
        this.store = new ContainerStore(settings.root().resolve("containers"));
        this.registry = new ContainerRegistry();
        this.naming = new ContainerNaming(images, storage, store, registry, events);
        this.lifecycle = new ContainerLifecycle(store, registry, storage, isolation, networking, new ContainerEvents(events));
        this.execs = new ExecSessions(new ContainerUsers(storage));
        LayerCollector collector = new LayerCollector(storage, layers, images);
        this.remover = new ImageRemover(images, registry, collector);
        this.pruner = new Pruner(registry, lifecycle, images, remover, storage, layers);
        new StoreRecovery(storage, layers, store, registry, lifecycle, isolation, networking).recover();
        collector.collect();
        Registries registries = new Registries(settings.insecureRegistries(), Registries.CHUNK_SIZE);
        var temp = settings.root().resolve("tmp");
        ImagePuller.removeLeftovers(temp);
        BlobSources sources = new BlobSources(settings.root().resolve("distribution"));
        ImagePuller puller = new ImagePuller(registries, layers, images, collector, new LayerApplier(storage, layers, reserve),
                sources, temp, reserve);
        ImagePusher pusher = new ImagePusher(registries, layers, images,
                new LayerBlobs(new LayerTars(storage, layers), sources, temp, reserve));
        this.distribution = new ImageDistribution(registries, puller, pusher, imageEvents);
        this.archives = new ImageArchives(storage, layers, images, collector, imageEvents, temp, reserve);
        this.filesystems = new ContainerFilesystems(registry, storage, layers, images, reserve, new ContainerEvents(events));
        this.streams = new ContainerStreams(registry, store);
    }

    /** Chooses and opens the backends, then loads the store, re-adopting running containers. */
    public static LocalEngine open(EngineSettings settings, Providers providers) {
        return open(settings, providers, DiskReserve.of(settings.root(), settings.minFreeSpace()));
    }

    /** As {@link #open(EngineSettings, Providers)}, keeping free space as {@code reserve} says (tests fake the disk). */
    static LocalEngine open(EngineSettings settings, Providers providers, DiskReserve reserve) {
        BackendSelection<IsolationBackend> isolation =
                BackendSelection.choose("isolation", providers.isolation(), settings.isolation(), settings.root(), true);
        BackendSelection<StorageDriver> storage =
                BackendSelection.choose("storage", providers.storage(), settings.storage(), settings.root(), true);
        BackendSelection<NetworkDriver> network =
                BackendSelection.choose("network", providers.network(), Optional.empty(), settings.root(), false);
        String networkReason = network.reports().stream().map(r -> r.name() + ": " + r.reason())
                .reduce((a, b) -> a + "; " + b).orElse("no network plugin was found");
        try {
            return new LocalEngine(settings, List.of(isolation, storage, network), storage.driver().orElseThrow(),
                    isolation.driver().orElseThrow(), new ContainerNetworking(network.driver(), networkReason), reserve);
        } catch (IOException e) {
            throw new InternalException("unable to open the state root " + settings.root() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public EngineInfo info() {
        List<ContainerEntry> all = registry.all();
        long running = all.stream().filter(ContainerEntry::running).count();
        List<PluginReport> reports = new ArrayList<>();
        selections.forEach(s -> reports.addAll(s.reports()));
        return new EngineInfo(all.size(), (int) running, 0, all.size() - (int) running, images.all().size(),
                selections.get(0).name(), selections.get(1).name(), selections.get(2).name(), reports,
                settings.root().toString(), HostFacts.kernelVersion(), HostFacts.operatingSystem(), "x86_64",
                Runtime.getRuntime().availableProcessors(), HostFacts.memTotal(), HostFacts.hostname(),
                HostFacts.cgroupVersion());
    }

    @Override
    public ImageId importImage(InputStream tarball, ImportRequest request, ProgressListener progress) {
        ImageId id = importer.importTarball(tarball, request, progress);
        imageEvents.publish("import", id, request.tag().map(Object::toString).orElse(id.toString()));
        return id;
    }

    @Override
    public ImageId pull(String reference, Optional<String> platform, Optional<RegistryCredentials> credentials,
                        ProgressListener progress) {
        return distribution.pull(reference, platform, credentials, progress);
    }

    @Override
    public void push(String reference, Optional<RegistryCredentials> credentials, ProgressListener progress) {
        distribution.push(reference, credentials, progress);
    }

    @Override
    public void login(String registry, RegistryCredentials credentials) {
        distribution.login(registry, credentials);
    }

    @Override
    public List<ImageDetails> images() {
        return images.all().stream().map(images::details)
                .sorted(Comparator.comparing(ImageDetails::created).reversed()).toList();
    }

    @Override
    public ImageDetails image(String reference) {
        return images.details(images.resolve(reference));
    }

    @Override
    public List<ImageHistory> history(String image) {
        return new ImageHistories(images, layers).of(images.resolve(image));
    }

    @Override
    public void tag(String image, ImageReference target) {
        ImageId id = images.resolve(image);
        images.tags().tag(target, id);
        imageEvents.publish("tag", id, target.toString());
    }

    @Override
    public List<ImageDeletion> removeImage(String image, boolean force) {
        List<ImageDeletion> deletions = remover.remove(image, force);
        imageEvents.deletions(deletions);
        return deletions;
    }

    @Override
    public ImageId commit(String container, CommitRequest request) {
        return filesystems.commit(container, request);
    }

    @Override
    public List<FilesystemChange> changes(String container) {
        return filesystems.changes(container);
    }

    @Override
    public void export(String container, OutputStream out) throws IOException {
        filesystems.export(container, out);
    }

    @Override
    public List<NetworkDetails> networks() {
        return ContainerNetworking.networks();
    }

    @Override
    public PathStat statPath(String container, String path) {
        return copies().stat(container, path);
    }

    @Override
    public void archivePath(String container, String path, OutputStream out) throws IOException {
        copies().archive(container, path, out);
    }

    @Override
    public void extractArchive(String container, String path, InputStream tar, boolean copyOwners,
                               boolean noOverwriteDirNonDir) throws IOException {
        copies().extract(container, path, tar, copyOwners, noOverwriteDirNonDir);
    }

    private ContainerArchives copies() {
        return new ContainerArchives(storage, registry, reserve, settings.root().resolve("containers"));
    }

    @Override
    public void saveImages(List<String> names, OutputStream out) throws IOException {
        archives.save(names, out);
    }

    @Override
    public List<String> loadImages(InputStream archive, ProgressListener progress) {
        return archives.load(archive, progress);
    }

    @Override
    public ContainerId create(Optional<String> requestedName, ContainerConfig config, HostConfig hostConfig) {
        return naming.create(requestedName, config, hostConfig);
    }

    @Override
    public void start(String container) {
        lifecycle.start(registry.find(container));
    }

    @Override
    public void stop(String container, int timeoutSeconds) {
        lifecycle.stop(registry.find(container), timeoutSeconds);
    }

    @Override
    public void kill(String container, String signal) {
        lifecycle.kill(registry.find(container), Signals.parse(signal));
    }

    @Override
    public int await(String container, WaitCondition condition) throws InterruptedException {
        return lifecycle.await(container, condition);
    }

    @Override
    public CompletableFuture<Integer> awaitLater(String container, WaitCondition condition) {
        return lifecycle.awaitLater(container, condition);
    }

    /** Detaches from the running containers without stopping them (live restore). */
    @Override
    public void close() {
        lifecycle.close();
    }

    @Override
    public List<ContainerDetails> containers(boolean all) {
        return registry.all().stream().filter(e -> all || e.running()).map(this::details)
                .sorted(Comparator.comparing(ContainerDetails::created).reversed()).toList();
    }

    @Override
    public ContainerDetails container(String container) {
        return details(registry.find(container));
    }

    @Override
    public void remove(String container, boolean force) {
        lifecycle.remove(registry.find(container), force);
    }

    @Override
    public LogCursor logs(String container, LogOptions options) {
        return streams.logs(container, options);
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
        streams.resize(container, rows, columns);
    }

    @Override
    public void restart(String container, int timeoutSeconds) {
        ContainerEntry entry = registry.find(container);
        lifecycle.stop(entry, timeoutSeconds);
        lifecycle.start(entry);
    }

    @Override
    public void rename(String container, String newName) {
        naming.rename(container, newName);
    }

    @Override
    public String createExec(String container, ExecConfig config) {
        return execs.create(registry.find(container), config);
    }

    @Override
    public ExecSession startExec(String execId) {
        return execs.start(execId);
    }

    @Override
    public ExecDetails inspectExec(String execId) {
        return execs.inspect(execId);
    }

    @Override
    public void resizeExec(String execId, int rows, int columns) {
        execs.resize(execId, rows, columns);
    }

    @Override
    public EventStream events(EventFilter filter) {
        return events.subscribe(filter);
    }

    @Override
    public PruneReport pruneContainers() {
        return pruner.containers();
    }

    @Override
    public PruneReport pruneImages(boolean all) {
        PruneReport report = pruner.images(all);
        imageEvents.deletions(report.imagesDeleted());
        return report;
    }

    @Override
    public ProcessList top(String container, String psArgs) {
        ContainerEntry entry = registry.find(container);
        ProcessList processes = ContainerTop.of(entry, psArgs);
        new ContainerEvents(events).publish(entry.record(), "top");
        return processes;
    }

    @Override
    public void pause(String container) {
        lifecycle.pauses().pause(registry.find(container));
    }

    @Override
    public void unpause(String container) {
        lifecycle.pauses().unpause(registry.find(container));
    }

    @Override
    public DiskUsage diskUsage() {
        return new DiskUsageSurvey(images, layers, registry, storage, this::details).survey();
    }

    private ContainerDetails details(ContainerEntry entry) {
        ContainerRecord r = entry.record();
        EndpointRecord ep = r.endpoint();
        NetworkSettings network = ep == null ? NetworkSettings.none(r.hostConfig().networkMode())
                : new NetworkSettings(r.hostConfig().networkMode().apiName(), ep.address(), ep.prefixLength(), ep.gateway(),
                        ep.macAddress(), ep.portList());
        return new ContainerDetails(new ContainerId(r.id()), r.name(), Instant.parse(r.created()), ImageId.parse(r.image()),
                r.config(), r.hostConfig(), r.state().toState(), store.logFile(r.id()).toString(), network);
    }
}

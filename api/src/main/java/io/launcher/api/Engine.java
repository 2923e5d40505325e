package io.launcher.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The engine's API: what the daemon serves over the Docker Engine API and what the CLI asks of
 * it. Containers are named by full id, unique id prefix or name; images by {@code repo[:tag]},
 * full or short id. Every method throws a {@link LauncherException} subclass on failure.
 */
public interface Engine {

    EngineInfo info();

    /** Imports a rootfs tarball (plain, gzip or zstd) as a one-layer image. */
    ImageId importImage(InputStream tarball, ImportRequest request, ProgressListener progress);

    List<ImageDetails> images();

    ImageDetails image(String reference);

    /** The steps the image was made of, newest first. */
    List<ImageHistory> history(String image);

    /** Points {@code target} at the image (moving it from another image if it pointed there). */
    void tag(String image, ImageReference target);

    /**
     * Untags the image and deletes it with the layers nothing else uses; refused while a container
     * uses it unless {@code force}, which then only untags (as Docker).
     */
    List<ImageDeletion> removeImage(String image, boolean force);

    /** Makes a new image of the container's filesystem changes over its image. */
    ImageId commit(String container, CommitRequest request);

    /** The container's filesystem changes against its image, sorted by path. */
    List<FilesystemChange> changes(String container);

    /** Writes the container's whole filesystem as a tar stream. */
    void export(String container, OutputStream out) throws IOException;

    /*
     * File copy (docker cp). Paths are absolute container paths; symbolic links on the way are
     * resolved inside the container's root, never on the host; a trailing "/." or "/" asks for
     * the last component to be followed too. Running and stopped containers alike.
     */

    /** Stats {@code path} (a final symbolic link is not followed); NotFound when it is missing. */
    default PathStat statPath(String container, String path) {
        throw new UnavailableException("copying files is not available on this engine");
    }

    /**
     * Writes a tar of {@code path} (a file, or a directory with everything below), its entries
     * named after the path's base name ({@code .} for a path ending in {@code /.}).
     */
    default void archivePath(String container, String path, OutputStream out) throws IOException {
        throw new UnavailableException("copying files is not available on this engine");
    }

    /**
     * Extracts a tar stream into the directory {@code path}, creating missing parents of its
     * entries; {@code copyOwners} keeps the entries' uid/gid (else root's), and
     * {@code noOverwriteDirNonDir} refuses to replace a directory with a non-directory or back.
     */
    default void extractArchive(String container, String path, InputStream tar, boolean copyOwners,
                                boolean noOverwriteDirNonDir) throws IOException {
        throw new UnavailableException("copying files is not available on this engine");
    }

    /**
     * Writes images (by name, name:tag or id) as one {@code docker save} archive: manifest.json,
     * the configs and layer tars under blobs/sha256/ with an OCI index.json, as Docker 25+ does.
     */
    void saveImages(List<String> images, OutputStream out) throws IOException;

    /**
     * Loads a {@code docker save} archive (either layout, plain or gzip), each image whole or not
     * at all; returns Docker's result lines ("Loaded image: repo:tag", "Loaded image ID: sha256:...").
     */
    List<String> loadImages(InputStream archive, ProgressListener progress);

    ContainerId create(Optional<String> name, ContainerConfig config, HostConfig hostConfig);

    void start(String container);

    /** Sends SIGTERM, then SIGKILL after the grace period; a stopped container is left alone. */
    void stop(String container, int timeoutSeconds);

    /** Sends a signal given by name ({@code KILL}, {@code SIGTERM}) or number to the container's init. */
    void kill(String container, String signal);

    /** Blocks until the condition holds and returns the exit code. */
    int await(String container, WaitCondition condition) throws InterruptedException;

    /**
     * As {@link #await}, the asking split from the waiting: once this returns, the condition is
     * registered (a next exit is one that comes after this call) and the future completes with
     * the exit code when it holds. The API's wait answers its head only then, since the docker
     * CLI starts the container as soon as it has the head. The default registers on another
     * thread, so only an engine that overrides it closes that window.
     */
    default CompletableFuture<Integer> awaitLater(String container, WaitCondition condition) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return await(container, condition);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        });
    }

    List<ContainerDetails> containers(boolean all);

    ContainerDetails container(String container);

    void remove(String container, boolean force);

    /** The stored output, optionally following it while the container runs. */
    LogCursor logs(String container, LogOptions options);

    /** The output produced from now on, until the container's process ends. */
    LogCursor attach(String container, boolean stdout, boolean stderr);

    /**
     * The container's stdin (it must have {@code OpenStdin}); a container not yet started gets the
     * bytes once it runs. Closing the stream closes the process's stdin only when the container
     * has {@code StdinOnce}; otherwise it just detaches.
     */
    OutputStream attachStdin(String container);

    /** Sets the size of the running container's terminal. */
    void resize(String container, int rows, int columns);

    /** Stops (as {@link #stop}) a running container, then starts it again. */
    void restart(String container, int timeoutSeconds);

    void rename(String container, String newName);

    /** Prepares a process to run in a running container; returns the exec's id. */
    String createExec(String container, ExecConfig config);

    /** Runs a created exec; its output ends when the process has exited. */
    ExecSession startExec(String execId);

    ExecDetails inspectExec(String execId);

    void resizeExec(String execId, int rows, int columns);

    /**
     * Pulls an image from its registry ({@code busybox}, {@code host:5000/a/b:t},
     * {@code repo@sha256:...}); {@code platform} such as {@code linux/amd64} chooses from an index.
     */
    default ImageId pull(String reference, Optional<String> platform, Optional<RegistryCredentials> credentials,
                         ProgressListener progress) {
        throw new UnavailableException("pull is not available on this engine");
    }

    /** Pushes a local image to the registry its name points to. */
    default void push(String reference, Optional<RegistryCredentials> credentials, ProgressListener progress) {
        throw new UnavailableException("push is not available on this engine");
    }

    /** Checks the credentials against the registry ({@code docker.io} when empty); throws when refused. */
    default void login(String registry, RegistryCredentials credentials) {
        throw new UnavailableException("login is not available on this engine");
    }

    /**
     * The networks containers can join ({@code bridge}, {@code host}, {@code none}), as Docker's
     * {@code /networks}; an engine without networking has none (clients then read "no such network").
     */
    default List<NetworkDetails> networks() {
        return List.of();
    }

    /** Subscribes to the engine's events (Docker's {@code /events}); close the stream to unsubscribe. */
    EventStream events(EventFilter filter);

    /** Removes every container that is not running. */
    PruneReport pruneContainers();

    /** Removes dangling images (no tag, no container), or with {@code all} every image no container uses. */
    PruneReport pruneImages(boolean all);

    /**
     * The container's processes as host {@code ps} shows them ({@code psArgs} as ps takes them,
     * {@code -ef} when empty), Docker's {@code top}; the container must be running.
     */
    default ProcessList top(String container, String psArgs) {
        throw new UnavailableException("top is not available on this engine");
    }

    /** Freezes every process of the running container (Docker's {@code pause}). */
    default void pause(String container) {
        throw new UnavailableException("pause is not available on this engine");
    }

    /** Thaws a paused container. */
    default void unpause(String container) {
        throw new UnavailableException("unpause is not available on this engine");
    }

    /** The disk used by images and containers (Docker's {@code system df}). */
    default DiskUsage diskUsage() {
        throw new UnavailableException("disk usage is not available on this engine");
    }
}

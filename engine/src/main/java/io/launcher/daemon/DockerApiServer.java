package io.launcher.daemon;

import io.launcher.api.Engine;
import io.launcher.api.UnavailableException;
import io.launcher.http.Headers;
import io.launcher.http.HttpServer;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Serves the Docker Engine API for an {@link Engine} on a UNIX socket (mode 0660) until closed.
 * A socket file left by a dead engine is replaced; one that still answers is refused.
 */
public final class DockerApiServer implements AutoCloseable {
    private final Path socket;
    private final HttpServer http;

    public DockerApiServer(Engine engine, Path socket) throws IOException {
        this.socket = socket.toAbsolutePath();
        ServerSocketChannel channel = bind(this.socket);
        this.http = HttpServer.serve(channel, router(engine), defaultHeaders());
    }

    public Path socket() {
        return socket;
    }

    static ApiRouter router(Engine engine) {
        Supplier<String> storageDriver = new Supplier<>() {
            private volatile String name;

            @Override
            public String get() {
                // The driver is chosen once at engine start; ask for it once.
                if (name == null) {
                    name = engine.info().storageDriver();
                }
                return name;
            }
        };
        List<Route> routes = new ArrayList<>();
        routes.addAll(new SystemRoutes(engine).routes());
        routes.addAll(new ImageRoutes(engine, storageDriver).routes());
        routes.addAll(new RegistryRoutes(engine).routes());
        routes.addAll(new ContainerRoutes(engine, storageDriver).routes());
        routes.addAll(new StreamRoutes(engine).routes());
        routes.addAll(new ExecRoutes(engine).routes());
        routes.addAll(new LayerRoutes(engine).routes());
        routes.addAll(new ArchiveRoutes(engine).routes());
        routes.addAll(new NetworkRoutes(engine).routes());
        routes.addAll(new ImageArchiveRoutes(engine).routes());
        routes.addAll(new EventRoutes(engine).routes());
        routes.addAll(new ProcessRoutes(engine).routes());
        routes.addAll(new SystemDataRoutes(engine).routes());
        return new ApiRouter(routes);
    }

    static Headers defaultHeaders() {
        return Headers.of(
                "Api-Version", ApiVersions.CURRENT,
                "Docker-Experimental", "false",
                "Ostype", "linux",
                "Server", "Docker/" + ApiVersions.ENGINE_VERSION + " (linux)");
    }

    private static ServerSocketChannel bind(Path socket) throws IOException {
        Files.createDirectories(socket.getParent());
        if (Files.exists(socket)) {
            if (answers(socket)) {
                throw new UnavailableException("another engine is already serving unix://" + socket);
            }
            Files.delete(socket);
        }
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw----"));
        } catch (IOException e) {
            channel.close();
            throw new UnavailableException("unable to listen on unix://" + socket + ": " + e.getMessage(), e);
        }
        return channel;
    }

    private static boolean answers(Path socket) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            http.close();
        } finally {
            Files.deleteIfExists(socket);
        }
    }
}

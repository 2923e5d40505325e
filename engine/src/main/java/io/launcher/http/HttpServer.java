package io.launcher.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves HTTP/1.1 on a bound server channel, one daemon thread per connection, with keep-alive
 * (the docker CLI reuses connections) and hijacking. {@link #close()} stops accepting and cuts
 * every open connection. Connection threads are reused for a few seconds: clients such as curl
 * open a connection per request, and a new thread for each cost about 0.1 ms of every request.
 */
public final class HttpServer implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    /** How long an idle connection thread waits for the next connection before it ends. */
    private static final long IDLE_SECONDS = 5;

    private final ServerSocketChannel server;
    private final HttpHandler handler;
    private final Headers defaults;
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private final ExecutorService workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS, TimeUnit.SECONDS,
            new SynchronousQueue<>(), HttpServer::connectionThread);

    private HttpServer(ServerSocketChannel server, HttpHandler handler, Headers defaults) {
        this.server = server;
        this.handler = handler;
        this.defaults = defaults;
        this.acceptor = new Thread(this::acceptLoop, "http-accept");
        acceptor.setDaemon(true);
    }

    /** Starts serving; every response carries the default header fields. */
    public static HttpServer serve(ServerSocketChannel server, HttpHandler handler, Headers defaults) {
        HttpServer http = new HttpServer(server, handler, defaults);
        http.acceptor.start();
        return http;
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel channel = server.accept();
                connections.add(channel);
                workers.execute(() -> serveConnection(channel));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("unable to accept a connection: {}", e.getMessage());
            }
        }
    }

    private static Thread connectionThread(Runnable task) {
        Thread thread = new Thread(task, "http-connection");
        thread.setDaemon(true);
        return thread;
    }

    private void serveConnection(SocketChannel channel) {
        try (channel) {
            InputStream in = new BufferedInputStream(SocketStreams.input(channel), 16 * 1024);
            OutputStream out = new BufferedOutputStream(SocketStreams.output(channel), 16 * 1024);
            boolean again = true;
            while (again) {
                again = serveOne(channel, in, out);
            }
        } catch (IOException e) {
            LOG.debug("connection ended: {}", e.getMessage());
        } finally {
            connections.remove(channel);
        }
    }

    /** Serves one request; true when the connection stays open for the next. */
    private boolean serveOne(SocketChannel channel, InputStream in, OutputStream out) throws IOException {
        Optional<MessageHead> head;
        RequestLine line;
        InputStream body;
        try {
            head = MessageHead.read(in);
            if (head.isEmpty()) {
                return false;
            }
            line = RequestLine.parse(head.get().startLine());
            body = Bodies.request(head.get().headers(), in);
        } catch (HttpProtocolException e) {
            answerBadRequest(out, e.getMessage());
            return false;
        }
        if (head.get().headers().hasToken("Expect", "100-continue")) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        HttpExchange exchange = new HttpExchange(line, head.get().headers(), body, channel, in, out, defaults);
        try {
            handler.handle(exchange);
        } catch (HttpProtocolException e) {
            if (!exchange.committed()) {
                answerBadRequest(out, e.getMessage());
            }
            return false;
        } catch (RuntimeException e) {
            LOG.error("handler failed on {} {}", line.method(), line.path(), e);
            return false;
        }
        if (exchange.hijacked()) {
            return false;
        }
        if (!exchange.committed()) {
            LOG.error("handler gave no response to {} {}", line.method(), line.path());
            return false;
        }
        exchange.finish();
        if (!exchange.keepAlive()) {
            return false;
        }
        body.transferTo(OutputStream.nullOutputStream());
        return true;
    }

    private static void answerBadRequest(OutputStream out, String message) throws IOException {
        byte[] text = ("{\"message\":\"bad request: " + message.replaceAll("[\\p{Cntrl}\"\\\\]", "?") + "\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        Headers headers = Headers.of("Content-Type", "application/json", "Content-Length",
                Integer.toString(text.length), "Connection", "close");
        new MessageHead("HTTP/1.1 400 Bad Request", headers).write(out);
        out.write(text);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        workers.shutdown();
        for (SocketChannel channel : connections) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("unable to close a connection: {}", e.getMessage());
            }
        }
    }
}

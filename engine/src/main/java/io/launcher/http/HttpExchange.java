package io.launcher.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/**
 * One request and its response on a server connection. A response is given once: whole
 * ({@link #respond}), streamed in chunks ({@link #stream}) or by taking the connection over
 * ({@link #hijack}). Every response carries the server's default header fields.
 */
public final class HttpExchange {
    private enum State { OPEN, STREAMING, DONE, HIJACKED }

    private final RequestLine line;
    private final Headers requestHeaders;
    private final InputStream body;
    /** The send buffer of a response carrying files: see {@link #streamFiles}. */
    private static final int FILE_SEND_BUFFER = 4 << 20;

    private final SocketChannel channel;
    private final InputStream connectionIn;
    private final OutputStream connectionOut;
    private final Headers defaults;
    private final boolean keepAlive;
    private State state = State.OPEN;
    private ChunkedOutputStream chunks;

    HttpExchange(RequestLine line, Headers requestHeaders, InputStream body, SocketChannel channel,
                 InputStream connectionIn, OutputStream connectionOut, Headers defaults) {
        this.line = line;
        this.requestHeaders = requestHeaders;
        this.body = body;
        this.channel = channel;
        this.connectionIn = connectionIn;
        this.connectionOut = connectionOut;
        this.defaults = defaults;
        this.keepAlive = !requestHeaders.hasToken("Connection", "close") && line.version().equals("HTTP/1.1");
    }

    public String method() {
        return line.method();
    }

    public String path() {
        return line.path();
    }

    public Query query() {
        return line.query();
    }

    public Headers requestHeaders() {
        return requestHeaders;
    }

    /** The request body, de-chunked; empty when the request has none. */
    public InputStream body() {
        return body;
    }

    /** Whether a response head has gone out; after that, failures can only end the stream. */
    public boolean committed() {
        return state != State.OPEN;
    }

    public void respond(int status, Headers headers, byte[] content) throws IOException {
        requireOpen();
        Headers all = merged(headers);
        if (status != 204 && status != 304) {
            all.set("Content-Length", Integer.toString(content.length));
        }
        writeHead(status, all);
        if (!method().equals("HEAD") && status != 204 && status != 304) {
            connectionOut.write(content);
        }
        connectionOut.flush();
        state = State.DONE;
    }

    /**
     * Starts a chunked response and flushes its head at once (a waiting client sees the status
     * before the body exists). Flushing the returned stream pushes data; closing it ends the body.
     */
    public OutputStream stream(int status, Headers headers) throws IOException {
        requireOpen();
        Headers all = merged(headers);
        if (method().equals("HEAD")) {
            writeHead(status, all);
            connectionOut.flush();
            state = State.DONE;
            return OutputStream.nullOutputStream();
        }
        all.set("Transfer-Encoding", "chunked");
        writeHead(status, all);
        connectionOut.flush();
        chunks = new ChunkedOutputStream(connectionOut, channel);
        state = State.STREAMING;
        return chunks;
    }

    /**
     * A chunked response (see {@link #stream}) whose chunks may carry a file's bytes sent by the kernel.
     * Its socket may hold up to {@link #FILE_SEND_BUFFER} unread: the sender then runs ahead of the
     * reader where files are large, and the reader still has bytes to take while the sender walks
     * directories of small files or collects garbage (the default, ~200 kB, left an export's
     * reader idle at each such pause).
     */
    public ChunkedOutputStream streamFiles(int status, Headers headers) throws IOException {
        if (method().equals("HEAD")) {
            throw new IllegalStateException("a HEAD response has no body to send files in");
        }
        if (channel.getOption(StandardSocketOptions.SO_SNDBUF) < FILE_SEND_BUFFER) {
            // capped by net.core.wmem_max; only a limit, the kernel holds what is unread, no more
            channel.setOption(StandardSocketOptions.SO_SNDBUF, FILE_SEND_BUFFER);
        }
        return (ChunkedOutputStream) stream(status, headers);
    }

    /**
     * Takes the connection over: {@code 101 UPGRADED} when the client asked for
     * {@code Upgrade: tcp}, else {@code 200 OK}; either way the raw streams follow the head and
     * the connection closes when the handler is done.
     */
    public Hijacked hijack(Headers headers) throws IOException {
        requireOpen();
        boolean upgrade = requestHeaders.hasToken("Connection", "upgrade") && requestHeaders.first("Upgrade").isPresent();
        Headers all = merged(headers);
        if (upgrade) {
            all.set("Connection", "Upgrade").set("Upgrade", requestHeaders.first("Upgrade").get());
        }
        writeHead(upgrade ? 101 : 200, all);
        connectionOut.flush();
        state = State.HIJACKED;
        return new Hijacked(channel, connectionIn, connectionOut);
    }

    boolean hijacked() {
        return state == State.HIJACKED;
    }

    boolean keepAlive() {
        return keepAlive;
    }

    /** Ends a chunked body the handler left open. */
    void finish() throws IOException {
        if (state == State.STREAMING) {
            chunks.close();
            state = State.DONE;
        }
    }

    private Headers merged(Headers headers) {
        Headers all = new Headers();
        defaults.forEach(all::add);
        headers.forEach(all::set);
        if (!keepAlive) {
            all.set("Connection", "close");
        }
        return all;
    }

    private void writeHead(int status, Headers headers) throws IOException {
        new MessageHead("HTTP/1.1 " + status + " " + StatusReasons.of(status), headers).write(connectionOut);
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("response already given for " + method() + " " + path());
        }
    }
}

package io.launcher.http;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The client side of one HTTP/1.1 connection on a UNIX socket, used for one request at a time.
 * After a {@code 101} the response body is the raw stream and {@link #rawOutput()} the other way.
 */
public final class HttpClientConnection implements Closeable {
    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;
    private volatile IOException bodyFailure;

    private HttpClientConnection(SocketChannel channel) {
        this.channel = channel;
        this.in = new ConnectionInput(channel, 16 * 1024);
        this.out = new BufferedOutputStream(SocketStreams.output(channel), 16 * 1024);
    }

    public static HttpClientConnection open(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new HttpClientConnection(channel);
    }

    /** Whether something accepts connections on the socket: a connect and a close, no request. */
    public static boolean listening(Path socket) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends a request with a body of known length (empty for none) and reads the response head. */
    public HttpResponse request(String method, String target, Headers headers, byte[] body) throws IOException {
        Headers all = withHost(headers);
        if (body.length > 0 || method.equals("POST") || method.equals("PUT")) {
            all.set("Content-Length", Integer.toString(body.length));
        }
        new MessageHead(method + " " + target + " HTTP/1.1", all).write(out);
        out.write(body);
        out.flush();
        return readResponse(method);
    }

    /**
     * Sends a request whose body is streamed in chunks from another thread while this one reads
     * the response: the server may answer (progress, or an early error) before the body ends.
     */
    public HttpResponse requestChunked(String method, String target, Headers headers, InputStream body) throws IOException {
        Headers all = withHost(headers).set("Transfer-Encoding", "chunked");
        new MessageHead(method + " " + target + " HTTP/1.1", all).write(out);
        out.flush();
        return readWhileSending(method, () -> copyChunked(body));
    }

    /**
     * Sends a regular file as the body, with its length, from another thread while this one reads
     * the response (as {@link #requestChunked}): the kernel copies it to the socket.
     */
    public HttpResponse requestFile(String method, String target, Headers headers, FileBody body) throws IOException {
        FileChannel file = body.channel();
        long position = file.position();
        long length = Math.max(0, file.size() - position);
        Headers all = withHost(headers).set("Content-Length", Long.toString(length));
        new MessageHead(method + " " + target + " HTTP/1.1", all).write(out);
        out.flush();
        return readWhileSending(method, () -> sendFile(file, position, length));
    }

    /**
     * Reads the response while another thread sends the body; a failure of the body's sending
     * is the one reported, with the reading's as suppressed.
     */
    private HttpResponse readWhileSending(String method, Runnable sendBody) throws IOException {
        Thread writer = new Thread(sendBody, "http-request-body");
        writer.setDaemon(true);
        writer.start();
        try {
            return readResponse(method);
        } catch (IOException e) {
            IOException failure = bodyFailure;
            if (failure != null) {
                failure.addSuppressed(e);
                throw failure;
            }
            throw e;
        }
    }

    private void sendFile(FileChannel file, long position, long length) {
        long sent = 0;
        while (sent < length) {
            long n;
            try {
                n = file.transferTo(position + sent, length - sent, channel);
            } catch (IOException e) {
                // A peer that answered early stops reading: its response tells what went wrong.
                return;
            }
            if (n <= 0) {
                // The file shrank below the length announced: the request cannot be completed.
                bodyFailure = new IOException("the file ended after " + sent + " of its " + length + " bytes");
                closeQuietly();
                return;
            }
            sent += n;
        }
    }

    private void copyChunked(InputStream body) {
        ChunkedOutputStream chunks = new ChunkedOutputStream(out);
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            int n;
            try {
                n = body.read(buffer);
            } catch (IOException e) {
                // The source failed: cut the connection so the reader stops, and say why.
                bodyFailure = e;
                closeQuietly();
                return;
            }
            try {
                if (n < 0) {
                    chunks.close();
                    return;
                }
                chunks.write(buffer, 0, n);
            } catch (IOException e) {
                // A peer that answered early stops reading: its response tells what went wrong.
                return;
            }
        }
    }

    /** A failure of the streamed request body (reading the source), if one happened. */
    public IOException bodyFailure() {
        return bodyFailure;
    }

    private HttpResponse readResponse(String method) throws IOException {
        Optional<MessageHead> read = MessageHead.read(in);
        if (read.isEmpty()) {
            throw new HttpProtocolException("connection closed before a response");
        }
        MessageHead head = read.get();
        String[] parts = head.startLine().split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new HttpProtocolException("malformed status line: " + head.startLine());
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new HttpProtocolException("malformed status line: " + head.startLine());
        }
        if (status == 100) {
            return readResponse(method);
        }
        InputStream body = status == 101 ? in : Bodies.response(method, status, head.headers(), in);
        return new HttpResponse(status, head.headers(), body);
    }

    /** The raw stream to the server after a hijack (stdin of an attach). */
    public OutputStream rawOutput() {
        return out;
    }

    public void shutdownOutput() throws IOException {
        out.flush();
        channel.shutdownOutput();
    }

    private static Headers withHost(Headers headers) {
        return new Headers().add("Host", "launcher").setAll(headers);
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is the recovery itself
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

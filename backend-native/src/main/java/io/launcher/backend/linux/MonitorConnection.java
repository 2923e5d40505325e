package io.launcher.backend.linux;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One connection to a monitor's control socket. The protocol is defined in one place, the
 * table at the top of {@code src/main/c/control.c}:
 * <pre>
 *   engine -> monitor          monitor -> engine
 *   state                      state created|running &lt;pid&gt;
 *   start                      started &lt;pid&gt; | error &lt;message&gt;
 *   signal &lt;n&gt; init|all        ok | error &lt;message&gt;
 *   stdin                      ok (then raw input bytes; EOF ends the input) | error &lt;message&gt;
 *   resize &lt;rows&gt; &lt;cols&gt;       ok | error &lt;message&gt;
 *   (pushed to every client)   exit &lt;code&gt; &lt;signal&gt; &lt;oom 0|1&gt;
 *   (pushed to every client)   reaped (the init and its mounts are gone), then done (the cgroups
 *                              too; the monitor exits next)
 * </pre>
 */
final class MonitorConnection implements Closeable {
    private final SocketChannel channel;
    private final BufferedReader reader;
    private final OutputStream writer;

    private MonitorConnection(SocketChannel channel) {
        this.channel = channel;
        this.reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        this.writer = Channels.newOutputStream(channel);
    }

    /** A connection, or empty when no monitor listens there any more. */
    static Optional<MonitorConnection> open(Path socket) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            SocketPath.connect(channel, socket);
            return Optional.of(new MonitorConnection(channel));
        } catch (IOException e) {
            closeQuietly(channel);
            return Optional.empty();
        }
    }

    /**
     * The channel itself, for a watcher that reads it without blocking; a reply already read
     * into this connection's buffer is not seen there (the exit file still tells the exit).
     */
    SocketChannel channel() {
        return channel;
    }

    /** Sends one request line and returns its reply line. */
    String request(String line) throws IOException {
        writer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        writer.flush();
        return readLine();
    }

    /**
     * Sends one request line and reads its reply a byte at a time, straight from the channel:
     * nothing after the reply is taken, so the channel can then be handed to a watcher (the
     * spawner's connection, on which the monitor pushes the exit next).
     */
    String requestExactly(String line) throws IOException {
        writer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        writer.flush();
        ByteBuffer one = ByteBuffer.allocate(1);
        ByteArrayOutputStream reply = new ByteArrayOutputStream(64);
        for (;;) {
            one.clear();
            if (channel.read(one) < 0) {
                throw new IOException("the monitor closed the connection");
            }
            byte b = one.get(0);
            if (b == '\n') {
                return reply.toString(StandardCharsets.UTF_8);
            }
            reply.write(b);
        }
    }

    /** Blocks for the next line; throws when the monitor closed the connection. */
    String readLine() throws IOException {
        String line = reader.readLine();
        if (line == null) {
            throw new IOException("the monitor closed the connection");
        }
        return line;
    }

    /**
     * After "stdin" was answered "ok": the rest of the connection as the process's input.
     * Closing the stream closes the connection, which the monitor takes as end of input.
     */
    OutputStream input() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                writer.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                writer.write(bytes, offset, length);
            }

            @Override
            public void close() {
                MonitorConnection.this.close();
            }
        };
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // the monitor may be gone already: there is nothing left to release
        }
    }
}

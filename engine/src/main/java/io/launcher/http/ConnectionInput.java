package io.launcher.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The client's buffered input from its socket, which a body copied to a channel also reads into a
 * direct buffer: what the head's reads buffered first, then the socket itself, with no heap copy.
 * Not for use by two threads at once (a client reads one response at a time).
 */
final class ConnectionInput extends BufferedInputStream {
    private final SocketChannel channel;

    ConnectionInput(SocketChannel channel, int size) {
        super(SocketStreams.input(channel), size);
        this.channel = channel;
    }

    /** Reads at least one byte into {@code target} (none when it is full); -1 at the end of input. */
    int read(ByteBuffer target) throws IOException {
        if (!target.hasRemaining()) {
            return 0;
        }
        int buffered = count - pos;
        if (buffered > 0) {
            int n = Math.min(buffered, target.remaining());
            target.put(buf, pos, n);
            pos += n;
            return n;
        }
        int n;
        do {
            n = channel.read(target);
        } while (n == 0);
        return n;
    }

    /** Puts bytes read past the end of a body back in front of what is buffered, for the next response. */
    void unread(ByteBuffer rest) {
        int n = rest.remaining();
        if (n == 0) {
            return;
        }
        int buffered = count - pos;
        byte[] joined = new byte[Math.max(buf.length, n + buffered)];
        rest.get(joined, 0, n);
        System.arraycopy(buf, pos, joined, n, buffered);
        buf = joined;
        pos = 0;
        count = n + buffered;
        markpos = -1;
    }
}

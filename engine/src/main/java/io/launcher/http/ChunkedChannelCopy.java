package io.launcher.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a chunked body (RFC 9112 section 7.1) from the connection straight to a channel: the
 * socket is read into one direct buffer, the chunk framing parsed there, and the chunks' data
 * written from it by gathering writes of about a megabyte, so the body never enters the heap.
 * Only the framing lines are copied out (a few bytes each), to parse them as heap bytes: the
 * short-lived client runs this loop interpreted for most of a download.
 */
final class ChunkedChannelCopy {
    private static final int MAX_SLICES = 256;
    /** A data end and the next chunk's size line ("\r\n10200\r\n") in one copy. */
    private static final int SHORT_WINDOW = 32;
    private static final int MAX_HEX_DIGITS = 15;
    private static final int MAX_LINE = 4096;

    private final ConnectionInput in;
    private final ChannelOutput out;
    /** What has been read: [0, position); parsed up to {@link #scan}. */
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(ChannelOutput.BLOCK);
    /** Views of {@link #buffer}, made once and moved over each chunk's data (a new slice per chunk costs more). */
    private final ByteBuffer[] slices = new ByteBuffer[MAX_SLICES];
    /**
     * A copy of the buffer's bytes from {@link #windowStart} on, where framing lines are parsed:
     * one bulk copy per chunk boundary (copying a byte at a time from a direct buffer takes a chain
     * of JDK calls per byte while interpreted).
     */
    private final byte[] window = new byte[MAX_LINE];
    private int windowStart;
    private int windowLength;
    private int lineStart;
    private int sliceCount;
    private int scan;
    private long remaining;
    private boolean afterData;
    private boolean trailers;
    private boolean finished;
    private long total;

    /** {@code remaining}: what is left of a chunk begun by stream reads (its line end comes after). */
    ChunkedChannelCopy(ConnectionInput in, ChannelOutput out, long remaining) {
        this.in = in;
        this.out = out;
        this.remaining = remaining;
        this.afterData = remaining > 0;
    }

    /** Copies to the end of the body; returns the number of data bytes written. */
    long copy() throws IOException {
        while (true) {
            parse();
            if (finished) {
                break;
            }
            if (!buffer.hasRemaining()) {
                flush();
                buffer.limit(buffer.position()).position(scan);
                buffer.compact();
                scan = 0;
                windowLength = 0;
            }
            if (in.read(buffer) < 0) {
                throw new HttpProtocolException("connection closed inside a chunked body");
            }
        }
        flush();
        in.unread(buffer.flip().position(scan));
        return total;
    }

    /** Consumes what the buffer holds: data into slices, framing lines parsed. */
    private void parse() throws IOException {
        while (!finished) {
            int filled = buffer.position();
            if (remaining > 0) {
                int n = (int) Math.min(remaining, filled - scan);
                if (n == 0) {
                    return;
                }
                slice(scan, n);
                scan += n;
                remaining -= n;
                afterData = remaining == 0;
                continue;
            }
            int length = nextLine(filled);
            if (length < 0) {
                return;
            }
            framing(length);
        }
    }

    /**
     * Finds the next line (its CRLF dropped) in {@link #window}, from {@link #lineStart}; returns
     * its length, or -1 while the buffer holds no whole line.
     */
    private int nextLine(int filled) throws HttpProtocolException {
        int end = lineEndInWindow();
        if (end < 0) {
            int available = filled - scan;
            end = refill(Math.min(available, SHORT_WINDOW));
            if (end < 0 && available > SHORT_WINDOW) {
                end = refill(Math.min(available, MAX_LINE));
            }
            if (end < 0) {
                if (available >= MAX_LINE) {
                    throw new HttpProtocolException("chunk framing line longer than " + MAX_LINE + " bytes");
                }
                return -1;
            }
        }
        lineStart = scan - windowStart;
        scan = windowStart + end + 1;
        int length = end - lineStart;
        return length > 0 && window[end - 1] == '\r' ? length - 1 : length;
    }

    /** The window's index of the first line feed from {@link #scan} on; -1 when the window holds none. */
    private int lineEndInWindow() {
        int from = scan - windowStart;
        if (from < 0) {
            return -1;
        }
        for (int i = from; i < windowLength; i++) {
            if (window[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Copies {@code length} bytes from {@link #scan} on into the window; the line end among them, or -1. */
    private int refill(int length) {
        buffer.get(scan, window, 0, length);
        windowStart = scan;
        windowLength = length;
        return lineEndInWindow();
    }

    /** Acts on one framing line: a data end, a chunk size, or a trailer field. */
    private void framing(int length) throws HttpProtocolException {
        if (afterData) {
            if (length != 0) {
                throw new HttpProtocolException("chunk data longer than its size");
            }
            afterData = false;
        } else if (trailers) {
            // trailer fields: nothing here uses them; an empty line ends the body
            finished = length == 0;
        } else {
            remaining = chunkSize(length);
            trailers = remaining == 0;
        }
    }

    /** The size of a chunk line of hex digits alone, parsed here; any other line as the stream parses it. */
    private long chunkSize(int length) throws HttpProtocolException {
        long size = 0;
        for (int i = 0; i < length; i++) {
            int digit = hexDigit(window[lineStart + i]);
            if (digit < 0 || i == MAX_HEX_DIGITS) {
                return ChunkedInputStream.chunkSize(new String(window, lineStart, length, StandardCharsets.ISO_8859_1));
            }
            size = size << 4 | digit;
        }
        if (length == 0) {
            throw new HttpProtocolException("malformed chunk size: ");
        }
        return size;
    }

    private static int hexDigit(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    private void slice(int offset, int length) throws IOException {
        if (sliceCount == MAX_SLICES) {
            flush();
        }
        ByteBuffer view = slices[sliceCount];
        if (view == null) {
            view = buffer.duplicate();
            slices[sliceCount] = view;
        }
        view.limit(offset + length).position(offset);
        sliceCount++;
        total += length;
    }

    private void flush() throws IOException {
        out.write(slices, sliceCount);
        sliceCount = 0;
    }
}

package io.launcher.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A tar written by one side of a copy and read by the other: the writer runs on a thread of its
 * own, so that neither side holds the whole archive. Chunks of 64 KiB are handed over through a
 * bounded queue: the JDK's PipedInputStream wakes a waiting reader only when its buffer is full
 * or after a one-second poll, and ties the pipe to the liveness of the threads that used it.
 * Closing the reading end stops a writer whose reader gave up; a writer's failure is rethrown
 * by {@link #close()}.
 */
final class TarPipe implements AutoCloseable {
    private static final int CHUNK = 1 << 16;
    private static final byte[] END = new byte[0];

    @FunctionalInterface
    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(16);
    private final Thread thread;
    private volatile boolean readerClosed;
    private volatile Exception failure;

    TarPipe(String name, Writer writer) {
        thread = new Thread(() -> {
            try (OutputStream out = new BufferedOutputStream(new ChunkOutput(), CHUNK)) {
                writer.writeTo(out);
            } catch (IOException | RuntimeException e) {
                failure = e;
                // The reader must not wait for more: what it has not read yet is lost anyway.
                chunks.clear();
                chunks.offer(END);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    InputStream input() {
        return new ChunkInput();
    }

    /** Waits for the writer; its failure comes out here unless the reader gave up first. */
    @Override
    public void close() throws IOException, InterruptedException {
        readerClosed = true;
        chunks.clear();
        thread.join();
        rethrowFailure();
    }

    /** After the reading side failed: the writer's own failure, when it had one, is the cause to report. */
    void writerFailure() throws IOException, InterruptedException {
        readerClosed = true;
        chunks.clear();
        thread.join();
        rethrowFailure();
    }

    private void rethrowFailure() throws IOException {
        Exception problem = failure;
        if (problem instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (problem instanceof IOException io && !(io instanceof ReaderGone)) {
            throw io;
        }
    }

    /** The writer's stream after the reader closed: not a failure of the copy. */
    private static final class ReaderGone extends IOException {
        ReaderGone() {
            super("the reader closed the pipe");
        }
    }

    private final class ChunkOutput extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > 0) {
                put(Arrays.copyOfRange(b, off, off + len));
            }
        }

        @Override
        public void close() throws IOException {
            put(END);
        }

        private void put(byte[] chunk) throws IOException {
            try {
                while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                    if (readerClosed) {
                        throw new ReaderGone();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while copying");
            }
        }
    }

    private final class ChunkInput extends InputStream {
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (position == current.length) {
                if (ended) {
                    return -1;
                }
                try {
                    current = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while copying");
                }
                position = 0;
                ended = current == END;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public void close() {
            readerClosed = true;
            chunks.clear();
        }
    }
}

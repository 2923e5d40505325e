package io.launcher.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;

/**
 * A tar written by one side of a copy and read by the other: the writer runs on a thread of its
 * own, so that neither side holds the whole archive. Closing the reading end stops a writer
 * whose reader gave up; a writer's failure is rethrown by {@link #close()}.
 */
final class TarPipe implements AutoCloseable {

    @FunctionalInterface
    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private final PipedInputStream in = new PipedInputStream(1 << 20);
    private final Thread thread;
    private volatile Exception failure;

    TarPipe(String name, Writer writer) throws IOException {
        PipedOutputStream out = new PipedOutputStream(in);
        thread = new Thread(() -> {
            try (out) {
                writer.writeTo(out);
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    InputStream input() {
        return in;
    }

    /** Waits for the writer; its failure (if the reader did not see the end) comes out here. */
    @Override
    public void close() throws IOException, InterruptedException {
        in.close();
        thread.join();
        Exception problem = failure;
        if (problem instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (problem instanceof IOException io && !"Pipe closed".equals(io.getMessage())) {
            throw io;
        }
    }
}

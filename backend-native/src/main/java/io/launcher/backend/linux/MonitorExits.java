package io.launcher.backend.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Waits for the exits of every sandbox of a backend on one thread: each monitor's watching
 * connection is registered with one selector (a platform thread blocked on each cost the daemon
 * about 1 MB per running container). The monitor pushes {@code exit <code> <signal> <oom>}, then
 * {@code reaped} and {@code done} as it cleans up after the init (then it exits): the exit is
 * heard as soon as it happens, and the monitor's progress without looking for its process. What a sandbox does
 * about these (records, tears down, removes) runs on a pooled thread, never on the selector's:
 * the exit's callback waits (through the sandbox's deletion) for what the end's callback tells,
 * so they run side by side. The thread ends (and its selector closes) once nothing was left to
 * watch for a few seconds.
 */
final class MonitorExits {
    /** What a watched connection delivers: its exit line and then its end, or its end alone. */
    interface Listener {
        /** The text after {@code exit }. */
        void exited(String status);

        /** After the exit line: the init is reaped, its mounts are gone. */
        void reaped();

        /**
         * After the exit line, the watch is over: {@code done} when the monitor said it cleaned
         * up (it exits next), false when the connection ended without that (a monitor killed, or
         * one of an earlier build, which closed right after the exit line).
         */
        void finished(boolean done);

        /** The connection ended without an exit line. */
        void lost();
    }

    private static final int MAX_LINE = 256;
    /** How long the thread outlives its last watch. */
    private static final long IDLE_MILLIS = 5_000;

    private final Queue<Runnable> registrations = new ConcurrentLinkedQueue<>();
    private final ExecutorService callbacks = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "native-exit");
        thread.setDaemon(true);
        return thread;
    });
    private Selector selector;
    private int watched;

    /** Watches {@code channel}, which nothing else may use from now on; it is closed at the end. */
    synchronized void watch(SocketChannel channel, Listener listener) throws IOException {
        channel.configureBlocking(false);
        if (selector == null) {
            Selector opened = Selector.open();
            selector = opened;
            Thread thread = new Thread(() -> run(opened), "native-exits");
            thread.setDaemon(true);
            thread.start();
        }
        watched++;
        Selector current = selector;
        registrations.add(() -> register(current, channel, listener));
        current.wakeup();
    }

    private void register(Selector on, SocketChannel channel, Listener listener) {
        try {
            channel.register(on, SelectionKey.OP_READ, new Watched(channel, listener));
        } catch (IOException e) {
            close(channel);
            ended(listener::lost);
        }
    }

    private void run(Selector on) {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_LINE);
        try (on) {
            for (;;) {
                int ready = on.select(IDLE_MILLIS);
                for (Runnable registration = registrations.poll(); registration != null; registration = registrations.poll()) {
                    registration.run();
                }
                for (SelectionKey key : on.selectedKeys()) {
                    ((Watched) key.attachment()).read(key, buffer);
                }
                on.selectedKeys().clear();
                synchronized (this) {
                    // idle a while first: containers started one after another reuse the thread
                    if (watched == 0 && ready == 0 && registrations.isEmpty()) {
                        selector = null;
                        return;
                    }
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            synchronized (this) {
                selector = null;
            }
        }
    }

    /** One watch less; its callback runs on a pooled thread. */
    private void ended(Runnable callback) {
        synchronized (this) {
            watched--;
        }
        callbacks.execute(callback);
    }

    /** One monitor's connection and the part of a line read so far. */
    private final class Watched {
        private final SocketChannel channel;
        private final Listener listener;
        private final StringBuilder line = new StringBuilder();
        private boolean heardExit;

        Watched(SocketChannel channel, Listener listener) {
            this.channel = channel;
            this.listener = listener;
        }

        void read(SelectionKey key, ByteBuffer buffer) {
            int count;
            try {
                buffer.clear();
                count = channel.read(buffer);
            } catch (IOException e) {
                count = -1;
            }
            if (count < 0 || line.length() > MAX_LINE) {
                end(key, heardExit ? () -> listener.finished(false) : listener::lost);
                return;
            }
            line.append(new String(buffer.array(), 0, count, StandardCharsets.UTF_8));
            for (int newline = line.indexOf("\n"); newline >= 0; newline = line.indexOf("\n")) {
                String text = line.substring(0, newline);
                line.delete(0, newline + 1);
                if (text.startsWith("exit ") && !heardExit) {
                    heardExit = true;
                    callbacks.execute(() -> listener.exited(text.substring(5)));
                } else if (text.equals("reaped") && heardExit) {
                    callbacks.execute(listener::reaped);
                } else if (text.equals("done") && heardExit) {
                    end(key, () -> listener.finished(true));
                    return;
                }
            }
        }

        private void end(SelectionKey key, Runnable callback) {
            key.cancel();
            MonitorExits.close(channel);
            ended(callback);
        }
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the monitor is gone already: nothing is left to release
        }
    }
}

package io.launcher.engine;

import io.launcher.api.EngineEvent;
import io.launcher.api.EventFilter;
import io.launcher.api.EventStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's events in memory: a bounded ring of the recent ones (so {@code --since} can replay
 * them, as dockerd keeps its last 1024) and the open subscriptions, each with its own queue so a
 * slow reader never holds up the container paths that publish.
 */
public final class EventBus {
    static final int KEPT = 1024;

    private final Deque<EngineEvent> recent = new ArrayDeque<>();
    private final List<Subscription> subscribers = new ArrayList<>();
    private long lastNanos;

    /** Records an event now; the time is strictly increasing so replay and live never repeat one. */
    public void publish(String type, String action, String actorId, Map<String, String> attributes) {
        List<Subscription> targets;
        EngineEvent event;
        synchronized (this) {
            Instant now = Instant.now();
            long nanos = Math.max(now.getEpochSecond() * 1_000_000_000L + now.getNano(), lastNanos + 1);
            lastNanos = nanos;
            event = new EngineEvent(type, action, actorId, attributes,
                    Instant.ofEpochSecond(0, nanos));
            recent.addLast(event);
            if (recent.size() > KEPT) {
                recent.removeFirst();
            }
            targets = List.copyOf(subscribers);
        }
        targets.forEach(s -> s.offer(event));
    }

    public synchronized EventStream subscribe(EventFilter filter) {
        Subscription s = new Subscription(filter);
        filter.since().ifPresent(since -> recent.stream().filter(e -> !e.time().isBefore(since)).forEach(s::offer));
        subscribers.add(s);
        return s;
    }

    private synchronized void unsubscribe(Subscription s) {
        subscribers.remove(s);
    }

    private final class Subscription implements EventStream {
        private final EventFilter filter;
        private final Deque<EngineEvent> queue = new ArrayDeque<>();
        private boolean closed;

        Subscription(EventFilter filter) {
            this.filter = filter;
        }

        synchronized void offer(EngineEvent event) {
            if (filter.matches(event) && filter.until().map(u -> !event.time().isAfter(u)).orElse(true)) {
                queue.addLast(event);
                notifyAll();
            }
        }

        @Override
        public synchronized Optional<EngineEvent> next() throws InterruptedException {
            while (queue.isEmpty() && !closed) {
                Optional<Instant> until = filter.until();
                if (until.isEmpty()) {
                    wait();
                    continue;
                }
                long left = until.get().toEpochMilli() - System.currentTimeMillis();
                if (left < 0) {
                    return Optional.empty();
                }
                wait(left + 1);
            }
            return closed && queue.isEmpty() ? Optional.empty() : Optional.of(queue.removeFirst());
        }

        @Override
        public void close() {
            synchronized (this) {
                closed = true;
                notifyAll();
            }
            unsubscribe(this);
        }
    }
}

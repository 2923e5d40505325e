package io.launcher.engine;

import io.launcher.api.FailedPreconditionException;
import io.launcher.api.PortBinding;
import io.launcher.api.UnavailableException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Host port policy: which host port each published port gets. A fixed port is refused when
 * another container holds it or a host socket does (Docker's message); port 0 takes the next
 * free one of the ephemeral range, going round it as Docker's allocator does so that a port just
 * released is not handed out again at once. Ports held by running containers survive an engine
 * restart through {@link #adopt}.
 */
final class PortAllocator {
    static final int FIRST = 32768;
    static final int LAST = 60999;

    private record Held(PortBinding.Protocol protocol, int port) {
    }

    private final HostPorts host;
    private final Set<Held> held = new HashSet<>();
    private int next = FIRST;

    PortAllocator(HostPorts host) {
        this.host = host;
    }

    /**
     * Chooses the host ports of {@code wanted}, all or none. The answer carries the host address
     * as bound ({@code 0.0.0.0} for every address).
     */
    synchronized List<PortBinding> allocate(List<PortBinding> wanted) {
        List<PortBinding> chosen = new ArrayList<>();
        try {
            for (PortBinding binding : wanted) {
                String ip = binding.hostIp().isEmpty() ? "0.0.0.0" : binding.hostIp();
                int port = binding.hostPort() == 0 ? pick(binding.protocol(), ip) : claim(binding.protocol(), ip, binding.hostPort());
                PortBinding bound = new PortBinding(binding.protocol(), ip, port, binding.containerPort());
                held.add(new Held(bound.protocol(), port));
                chosen.add(bound);
            }
        } catch (RuntimeException e) {
            release(chosen);
            throw e;
        }
        return List.copyOf(chosen);
    }

    /** Marks the ports of a container that was running when the engine stopped as held. */
    synchronized void adopt(List<PortBinding> bound) {
        bound.forEach(b -> held.add(new Held(b.protocol(), b.hostPort())));
    }

    synchronized void release(List<PortBinding> bound) {
        bound.forEach(b -> held.remove(new Held(b.protocol(), b.hostPort())));
    }

    private int claim(PortBinding.Protocol protocol, String ip, int port) {
        if (held.contains(new Held(protocol, port)) || !host.free(protocol, ip, port)) {
            throw new FailedPreconditionException("Bind for " + ip + ":" + port + " failed: port is already allocated");
        }
        return port;
    }

    private int pick(PortBinding.Protocol protocol, String ip) {
        int size = LAST - FIRST + 1;
        for (int i = 0; i < size; i++) {
            int port = FIRST + (next - FIRST + i) % size;
            if (!held.contains(new Held(protocol, port)) && host.free(protocol, ip, port)) {
                next = port == LAST ? FIRST : port + 1;
                return port;
            }
        }
        throw new UnavailableException("no free host port for " + protocol.apiName() + " in " + FIRST + "-" + LAST);
    }
}

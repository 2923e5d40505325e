package io.launcher.engine;

import io.launcher.spi.isolation.BindMount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code cp} finds mounted over a container's layers, as its processes do: the engine's own
 * {@code /etc/hosts}, {@code /etc/hostname} and {@code /etc/resolv.conf} (once a start wrote
 * them, unless the user binds these paths), then the user's binds ({@code -v}).
 */
final class ContainerMounts {
    private ContainerMounts() {
    }

    /** The binds of {@code record}, whose engine files live in {@code folder}. */
    static List<BindMount> of(ContainerRecord record, Path folder) {
        List<BindMount> user = SandboxSpecs.binds(record.hostConfig().binds());
        Set<String> targets = user.stream().map(BindMount::destination).collect(Collectors.toSet());
        List<BindMount> all = new ArrayList<>(EtcFiles.written(folder, targets));
        all.addAll(user);
        return all;
    }
}

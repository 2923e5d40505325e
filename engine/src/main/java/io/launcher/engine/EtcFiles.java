package io.launcher.engine;

import io.launcher.api.InternalException;
import io.launcher.api.NetworkMode;
import io.launcher.spi.isolation.BindMount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The container's {@code /etc/hosts}, {@code /etc/hostname} and {@code /etc/resolv.conf}, as
 * Docker makes them: written into the container's folder and bound read-write over the image's,
 * so the image is not changed and the files go with the container. A container in the host's
 * network namespace gets copies of the host's hosts and resolv.conf; one with a namespace of its
 * own gets the host's resolvers without the loopback ones, which it cannot reach.
 */
final class EtcFiles {
    static final String HOSTS = "/etc/hosts";
    static final String HOSTNAME = "/etc/hostname";
    static final String RESOLV_CONF = "/etc/resolv.conf";
    /** The files' names in the container's folder, in the order of {@link #TARGETS}. */
    static final List<String> NAMES = List.of("hosts", "hostname", "resolv.conf");
    private static final List<String> TARGETS = List.of(HOSTS, HOSTNAME, RESOLV_CONF);

    private final Path hostHosts;
    private final Path hostResolvConf;

    EtcFiles(Path hostHosts, Path hostResolvConf) {
        this.hostHosts = hostHosts;
        this.hostResolvConf = hostResolvConf;
    }

    static EtcFiles host() {
        return new EtcFiles(Path.of(HOSTS), Path.of(RESOLV_CONF));
    }

    /**
     * Writes the three files into {@code folder} and answers their binds, leaving out any the user
     * binds himself ({@code -v /x:/etc/hosts}), as Docker does.
     */
    List<BindMount> write(Path folder, NetworkMode mode, String hostname, String name, String address, Set<String> userTargets) {
        String hosts = mode == NetworkMode.HOST ? read(hostHosts) : hosts(hostname, name, address);
        String resolv = mode == NetworkMode.HOST ? read(hostResolvConf) : resolvConf(read(hostResolvConf));
        List<BindMount> binds = new ArrayList<>();
        add(binds, folder.resolve("hosts"), HOSTS, hosts, userTargets);
        add(binds, folder.resolve("hostname"), HOSTNAME, hostname + "\n", userTargets);
        add(binds, folder.resolve("resolv.conf"), RESOLV_CONF, resolv, userTargets);
        return binds;
    }

    /**
     * The binds of the files a start wrote into {@code folder} (none before the first start), less
     * those the user binds himself: what {@code cp} finds at these paths, as the container does.
     */
    static List<BindMount> written(Path folder, Set<String> userTargets) {
        List<BindMount> binds = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            Path source = folder.resolve(NAMES.get(i));
            if (!userTargets.contains(TARGETS.get(i)) && Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                binds.add(new BindMount(source, TARGETS.get(i), false));
            }
        }
        return binds;
    }

    /** Docker's hosts file: loopback names, then the container's address with its hostname and name. */
    static String hosts(String hostname, String name, String address) {
        StringBuilder text = new StringBuilder();
        text.append("127.0.0.1\tlocalhost\n");
        text.append("::1\tlocalhost ip6-localhost ip6-loopback\n");
        text.append("fe00::0\tip6-localnet\n");
        text.append("ff00::0\tip6-mcastprefix\n");
        text.append("ff02::1\tip6-allnodes\n");
        text.append("ff02::2\tip6-allrouters\n");
        if (address != null && !address.isEmpty()) {
            text.append(address).append('\t').append(hostname);
            if (name != null && !name.isEmpty() && !name.equals(hostname)) {
                text.append(' ').append(name);
            }
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * The host's resolv.conf without loopback nameservers (systemd-resolved's 127.0.0.53, a local
     * dnsmasq), which do not answer in another network namespace. Docker would fall back to
     * public resolvers when none remains; they are not reachable everywhere, so nothing is added.
     */
    static String resolvConf(String host) {
        StringBuilder text = new StringBuilder();
        for (String line : host.split("\n", -1)) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 2 && words[0].equals("nameserver") && loopback(words[1])) {
                continue;
            }
            text.append(line).append('\n');
        }
        String result = text.toString();
        while (result.endsWith("\n\n")) {
            result = result.substring(0, result.length() - 1);
        }
        return result.equals("\n") ? "" : result;
    }

    private static boolean loopback(String address) {
        String a = address.toLowerCase(Locale.ROOT);
        return a.startsWith("127.") || a.equals("::1") || a.equals("0:0:0:0:0:0:0:1");
    }

    private static void add(List<BindMount> binds, Path file, String target, String content, Set<String> userTargets) {
        if (userTargets.contains(target)) {
            return;
        }
        // Written again at every start, so neither a rename nor an fsync is worth its time here.
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InternalException("unable to write " + file + ": " + e.getMessage(), e);
        }
        binds.add(new BindMount(file, target, false));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new InternalException("unable to read " + file + ": " + e.getMessage(), e);
        }
    }
}

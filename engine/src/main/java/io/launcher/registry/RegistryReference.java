package io.launcher.registry;

import io.launcher.api.Digest;
import io.launcher.api.ImageReference;
import io.launcher.api.InvalidSpecException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference as Docker normalises it: {@code busybox} is
 * {@code docker.io/library/busybox:latest}; the first path component is a registry host when it
 * holds a dot or a colon or is {@code localhost}; a {@code @sha256:...} digest pins the manifest.
 */
public record RegistryReference(String domain, String path, String tag, Optional<Digest> digest) {
    public static final String DOCKER_HUB = "docker.io";
    private static final Pattern PATH =
            Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    private static final Pattern DOMAIN =
            Pattern.compile("(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?|\\[[0-9a-fA-F:]+\\](?::[0-9]+)?");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    public RegistryReference {
        if (!DOMAIN.matcher(domain).matches()) {
            throw new InvalidSpecException("invalid reference format: bad registry host \"" + domain + "\"");
        }
        if (!PATH.matcher(path).matches()) {
            throw new InvalidSpecException("invalid reference format: repository name (" + path + ") must be lowercase");
        }
        if (!TAG.matcher(tag).matches()) {
            throw new InvalidSpecException("invalid reference format: invalid tag \"" + tag + "\"");
        }
    }

    public static RegistryReference parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidSpecException("invalid reference format: empty name");
        }
        String rest = text;
        Optional<Digest> digest = Optional.empty();
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = Optional.of(Digest.parse(rest.substring(at + 1)));
            rest = rest.substring(0, at);
        }
        String tag = digest.isPresent() ? "" : "latest";
        int slash = rest.lastIndexOf('/');
        int colon = rest.lastIndexOf(':');
        if (colon > slash) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String domain = DOCKER_HUB;
        String path = rest;
        int first = rest.indexOf('/');
        if (first > 0) {
            String head = rest.substring(0, first);
            if (head.contains(".") || head.contains(":") || head.equals("localhost") || !head.equals(head.toLowerCase())) {
                domain = head;
                path = rest.substring(first + 1);
            }
        }
        if (domain.equals("index.docker.io")) {
            domain = DOCKER_HUB;
        }
        if (domain.equals(DOCKER_HUB) && !path.contains("/")) {
            path = "library/" + path;
        }
        if (!text.equals(text.strip()) || path.isEmpty()) {
            throw new InvalidSpecException("invalid reference format");
        }
        return new RegistryReference(domain, path, tag.isEmpty() ? "latest" : tag, digest);
    }

    /** What the manifest is asked for by: the digest when pinned, else the tag. */
    public String manifestReference() {
        return digest.map(Digest::toString).orElse(tag);
    }

    /** The repository as Docker shows it: {@code busybox}, {@code user/app}, {@code host:5000/a}. */
    public String familiarRepository() {
        if (domain.equals(DOCKER_HUB)) {
            return path.startsWith("library/") && path.indexOf('/', 8) < 0 ? path.substring(8) : path;
        }
        return domain + "/" + path;
    }

    /** The local tag a pull records, empty for a digest reference (Docker records no tag for those). */
    public Optional<ImageReference> localTag() {
        return digest.isPresent() ? Optional.empty() : Optional.of(new ImageReference(familiarRepository(), tag));
    }

    /** The host the API is served on: Docker Hub's registry lives at registry-1.docker.io. */
    public String apiHost() {
        return domain.equals(DOCKER_HUB) ? "registry-1.docker.io" : domain;
    }

    /**
     * The registry host of a {@code login} argument or config.json key: scheme and path dropped,
     * Docker Hub's names ({@code https://index.docker.io/v1/}, {@code index.docker.io}) as {@code docker.io};
     * empty means Docker Hub.
     */
    public static String serverHost(String server) {
        String host = server == null ? "" : server.strip();
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        int slash = host.indexOf('/');
        if (slash >= 0) {
            host = host.substring(0, slash);
        }
        return host.isEmpty() || host.equals("index.docker.io") || host.equals("registry-1.docker.io") ? DOCKER_HUB : host;
    }

    /** {@code familiar:tag} or {@code familiar@digest}, as Docker prints it. */
    public String familiarName() {
        return familiarRepository() + digest.map(d -> "@" + d).orElse(":" + tag);
    }

    /** {@code docker.io/library/busybox:latest}: the fully qualified name. */
    @Override
    public String toString() {
        return domain + "/" + path + digest.map(d -> "@" + d).orElse(":" + tag);
    }
}

package io.launcher.api;

import java.util.regex.Pattern;

/**
 * A tag reference as Docker parses it: {@code base} is {@code base:latest}; {@code host:5000/a/b:t}
 * keeps its registry in the repository name. Digest references arrive with the registry work.
 */
public record ImageReference(String repository, String tag) {
    private static final Pattern REPOSITORY =
            Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    public ImageReference {
        repository = familiar(repository);
        if (repository == null || !REPOSITORY.matcher(repository).matches() || repository.length() > 255) {
            throw new InvalidSpecException("invalid reference format: repository name \"" + repository + "\" must be lowercase");
        }
        if (tag == null || !TAG.matcher(tag).matches()) {
            throw new InvalidSpecException("invalid reference format: invalid tag \"" + tag + "\"");
        }
    }

    /** Parses {@code repo}, {@code repo:tag} or {@code host:port/repo:tag}. */
    public static ImageReference parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidSpecException("invalid reference format: empty name");
        }
        int slash = text.lastIndexOf('/');
        int colon = text.lastIndexOf(':');
        if (colon > slash) {
            return new ImageReference(text.substring(0, colon), text.substring(colon + 1));
        }
        return new ImageReference(text, "latest");
    }

    /**
     * Docker Hub's names in their familiar form, as Docker shows and stores them: the docker CLI
     * sends {@code docker.io/library/made} for {@code made} (commit, tag), and both must name
     * one image.
     */
    private static String familiar(String repository) {
        if (repository == null) {
            return null;
        }
        for (String hub : new String[] {"docker.io/", "index.docker.io/", "registry-1.docker.io/"}) {
            if (repository.startsWith(hub)) {
                String rest = repository.substring(hub.length());
                return rest.startsWith("library/") && rest.indexOf('/', 8) < 0 ? rest.substring(8) : rest;
            }
        }
        return repository;
    }

    @Override
    public String toString() {
        return repository + ":" + tag;
    }
}

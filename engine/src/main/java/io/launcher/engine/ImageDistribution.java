package io.launcher.engine;

import io.launcher.api.ImageId;
import io.launcher.api.ProgressListener;
import io.launcher.api.RegistryCredentials;
import io.launcher.api.UnavailableException;
import io.launcher.registry.RegistryReference;
import java.util.Optional;

/**
 * The engine's side of a registry: pull, push and login, each turning an interrupt into the
 * api's unavailable fault (the caller's thread keeps its interrupt flag) and a pull into an
 * image event, as Docker publishes one.
 */
final class ImageDistribution {
    private final Registries registries;
    private final ImagePuller puller;
    private final ImagePusher pusher;
    private final ImageEvents imageEvents;

    ImageDistribution(Registries registries, ImagePuller puller, ImagePusher pusher, ImageEvents imageEvents) {
        this.registries = registries;
        this.puller = puller;
        this.pusher = pusher;
        this.imageEvents = imageEvents;
    }

    ImageId pull(String reference, Optional<String> platform, Optional<RegistryCredentials> credentials,
                 ProgressListener progress) {
        try {
            ImageId id = puller.pull(reference, platform, credentials, progress);
            imageEvents.publish("pull", id, reference);
            return id;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("pull of " + reference + " interrupted", e);
        }
    }

    void push(String reference, Optional<RegistryCredentials> credentials, ProgressListener progress) {
        try {
            pusher.push(reference, credentials, progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("push of " + reference + " interrupted", e);
        }
    }

    /** Docker Hub (docker.io) answers at registry-1.docker.io. */
    void login(String registry, RegistryCredentials credentials) {
        String domain = RegistryReference.serverHost(registry);
        String host = domain.equals(RegistryReference.DOCKER_HUB) ? "registry-1.docker.io" : domain;
        try {
            registries.client(host, Optional.of(credentials)).check();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("login to " + registry + " interrupted", e);
        }
    }
}

package io.launcher.cli;

import io.launcher.api.ContainerId;
import io.launcher.api.NotFoundException;
import io.launcher.api.ProgressListener;
import io.launcher.registry.RegistryReference;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code run} and {@code create} of an image not in the store: as Docker, say so on stderr, pull
 * it (progress on stderr, so the container's stdout stays clean) and create again; {@code --pull}
 * always pulls first, or never.
 */
final class MissingImage {
    private MissingImage() {
    }

    static ContainerId createPulling(LauncherCommand launcher, PullPolicy policy, String image, Supplier<ContainerId> create) {
        String when = policy.value();
        if (when.equals("always")) {
            pull(launcher, image);
            return create.get();
        }
        try {
            return create.get();
        } catch (NotFoundException e) {
            if (when.equals("never") || !e.getMessage().startsWith("No such image") || image.startsWith("sha256:")) {
                throw e;
            }
            Session session = launcher.session();
            session.err().println("Unable to find image '" + RegistryReference.parse(image).familiarName() + "' locally");
            pull(launcher, image);
            return create.get();
        }
    }

    private static void pull(LauncherCommand launcher, String image) {
        Session session = launcher.session();
        RegistryReference reference = RegistryReference.parse(image);
        var credentials = AuthConfigFile.of(session).find(reference.domain());
        ProgressListener progress = new ProgressDisplay(session.err(), false);
        launcher.engine().pull(image, Optional.empty(), credentials, progress);
    }
}

package io.launcher.engine;

import io.launcher.api.PluginReport;
import io.launcher.api.UnavailableException;
import io.launcher.spi.Availability;
import io.launcher.spi.BackendContext;
import io.launcher.spi.BackendProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses one backend of a kind: the one the user named, which must be available, or else the
 * available one of highest priority. Every provider is probed and reported, chosen or not, with
 * the reason it cannot run here.
 *
 * @param <T> the driver type of the kind
 */
final class BackendSelection<T> {
    private final String kind;
    private final List<PluginReport> reports = new ArrayList<>();
    private String chosenName = "";
    private T driver;

    private BackendSelection(String kind) {
        this.kind = kind;
    }

    static <T> BackendSelection<T> choose(String kind, List<? extends BackendProvider<T>> providers,
                                          Optional<String> requested, Path root, boolean required) {
        BackendSelection<T> selection = new BackendSelection<>(kind);
        selection.select(providers, requested, root, required);
        return selection;
    }

    private void select(List<? extends BackendProvider<T>> providers, Optional<String> requested, Path root,
                        boolean required) {
        List<? extends BackendProvider<T>> ordered = providers.stream()
                .sorted(Comparator.comparingInt((BackendProvider<T> p) -> p.priority()).reversed()).toList();
        List<Availability> availability = ordered.stream().map(BackendSelection::probe).toList();
        BackendProvider<T> chosen = null;
        for (int i = 0; i < ordered.size(); i++) {
            BackendProvider<T> provider = ordered.get(i);
            boolean wanted = requested.map(provider.name()::equals).orElse(chosen == null);
            if (wanted && availability.get(i).available() && chosen == null) {
                chosen = provider;
            } else if (wanted && requested.isPresent()) {
                throw new UnavailableException(kind + " backend " + provider.name() + " is unavailable: "
                        + availability.get(i).reason());
            }
        }
        if (requested.isPresent() && chosen == null) {
            throw new UnavailableException("no " + kind + " backend named " + requested.get() + " in the plugins folder");
        }
        if (chosen == null && required) {
            throw new UnavailableException("no " + kind + " backend can run on this host: " + reasons(ordered, availability));
        }
        for (int i = 0; i < ordered.size(); i++) {
            Availability a = availability.get(i);
            reports.add(new PluginReport(kind, ordered.get(i).name(), a.available(), a.reason(), ordered.get(i) == chosen));
        }
        if (chosen != null) {
            chosenName = chosen.name();
            driver = chosen.open(new BackendContext(stateDir(root, chosen.name())));
        }
    }

    private Path stateDir(Path root, String name) {
        Path dir = root.resolve("plugins").resolve(kind + "-" + name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UnavailableException("unable to create " + dir + ": " + e.getMessage());
        }
        return dir;
    }

    private static Availability probe(BackendProvider<?> provider) {
        try {
            return provider.probe();
        } catch (RuntimeException e) {
            return Availability.unavailable("probe failed: " + e.getMessage());
        }
    }

    private static String reasons(List<? extends BackendProvider<?>> providers, List<Availability> availability) {
        if (providers.isEmpty()) {
            return "no plugin of this kind was found";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < providers.size(); i++) {
            parts.add(providers.get(i).name() + ": " + availability.get(i).reason());
        }
        return String.join("; ", parts);
    }

    String kind() {
        return kind;
    }

    String name() {
        return chosenName;
    }

    Optional<T> driver() {
        return Optional.ofNullable(driver);
    }

    List<PluginReport> reports() {
        return reports;
    }
}

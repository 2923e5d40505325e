package io.launcher.engine;

import java.security.SecureRandom;
import java.util.List;
import java.util.function.Predicate;

/** Docker-style names for containers created without {@code --name}: {@code adjective_scientist}. */
final class NameGenerator {
    private static final List<String> ADJECTIVES = List.of("admiring", "bold", "brave", "clever", "dreamy",
            "eager", "elated", "focused", "gallant", "happy", "jolly", "keen", "laughing", "modest", "nifty",
            "optimistic", "quirky", "relaxed", "serene", "sharp", "stoic", "tender", "upbeat", "vibrant", "wizardly",
            "zealous");
    private static final List<String> NAMES = List.of("babbage", "curie", "dijkstra", "einstein", "feynman",
            "goldberg", "hopper", "kilby", "knuth", "lamport", "liskov", "lovelace", "mccarthy", "noether", "pike",
            "ritchie", "shannon", "thompson", "torvalds", "turing", "wirth", "wozniak");
    private static final SecureRandom RANDOM = new SecureRandom();

    private NameGenerator() {
    }

    static String generate(Predicate<String> taken) {
        for (int attempt = 0; ; attempt++) {
            String name = ADJECTIVES.get(RANDOM.nextInt(ADJECTIVES.size())) + "_" + NAMES.get(RANDOM.nextInt(NAMES.size()));
            if (attempt > 10) {
                name += RANDOM.nextInt(100);
            }
            if (!taken.test(name)) {
                return name;
            }
        }
    }
}

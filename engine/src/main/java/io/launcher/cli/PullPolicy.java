package io.launcher.cli;

import io.launcher.api.InvalidSpecException;
import java.util.Locale;

/** {@code run}/{@code create --pull missing|always|never}: when to pull the image first, as Docker's flag. */
public final class PullPolicy {

    String policy = "missing";

    /** Adds these flags to a command (picocli's mixin). */
    CommandDeclaration declare(CommandDeclaration command) {
        return command.option("--pull", "POLICY", "Pull image before running (\"always\", \"missing\", \"never\")",
                v -> policy = v);
    }

    String value() {
        String p = policy.toLowerCase(Locale.ROOT);
        if (!p.equals("missing") && !p.equals("always") && !p.equals("never")) {
            throw new InvalidSpecException("invalid pull option: '" + policy + "': must be one of \"always\", \"missing\" or \"never\"");
        }
        return p;
    }
}

package io.launcher.cli;

import io.launcher.api.InvalidSpecException;
import java.util.Locale;

/** {@code run}/{@code create --pull missing|always|never}: when to pull the image first, as Docker's flag. */
public final class PullPolicy implements CommandDeclaration.Mixin {

    String policy = "missing";

    /** Adds these flags to a command (picocli's mixin). */
    @Override
    public void declare(CommandDeclaration command) {
        command.option("--pull", "POLICY", "Pull image before running (\"always\", \"missing\", \"never\")");
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--pull" -> policy = (String) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    String value() {
        String p = policy.toLowerCase(Locale.ROOT);
        if (!p.equals("missing") && !p.equals("always") && !p.equals("never")) {
            throw new InvalidSpecException("invalid pull option: '" + policy + "': must be one of \"always\", \"missing\" or \"never\"");
        }
        return p;
    }
}

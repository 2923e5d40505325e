package io.launcher.cli;

import io.launcher.api.InvalidSpecException;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code run}/{@code create --pull missing|always|never}: when to pull the image first, as Docker's flag. */
public final class PullPolicy {

    @Option(names = "--pull", paramLabel = "POLICY", description = "Pull image before running (\"always\", \"missing\", \"never\")")
    String policy = "missing";

    String value() {
        String p = policy.toLowerCase(Locale.ROOT);
        if (!p.equals("missing") && !p.equals("always") && !p.equals("never")) {
            throw new InvalidSpecException("invalid pull option: '" + policy + "': must be one of \"always\", \"missing\" or \"never\"");
        }
        return p;
    }
}

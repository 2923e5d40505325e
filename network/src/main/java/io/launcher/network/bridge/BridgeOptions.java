package io.launcher.network.bridge;

import io.launcher.api.InvalidSpecException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The driver's own configuration: its state directory (endpoint records) and the prefix of its
 * iptables chains. The engine uses {@link #DEFAULT_CHAIN_PREFIX}; tests use one of their own so
 * they never touch a real engine's rules.
 */
public record BridgeOptions(Path stateDir, String chainPrefix) {
    public static final String DEFAULT_CHAIN_PREFIX = "LAUNCHER";
    // iptables chain names hold at most 28 characters; the longest suffix is "-POSTROUTING".
    private static final Pattern CHAIN_PREFIX = Pattern.compile("[A-Z][A-Z0-9_]{0,15}");

    public BridgeOptions {
        if (stateDir == null) {
            throw new InvalidSpecException("bridge driver needs a state directory");
        }
        if (chainPrefix == null || !CHAIN_PREFIX.matcher(chainPrefix).matches()) {
            throw new InvalidSpecException("invalid iptables chain prefix " + chainPrefix);
        }
    }

    public static BridgeOptions defaults(Path stateDir) {
        return new BridgeOptions(stateDir, DEFAULT_CHAIN_PREFIX);
    }
}

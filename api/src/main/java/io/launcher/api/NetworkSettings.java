package io.launcher.api;

/** A container's address on its network; empty strings where it has none (mode none or host). */
public record NetworkSettings(String networkName, String ipAddress, int prefixLength, String gateway, String macAddress) {
    public static NetworkSettings none(NetworkMode mode) {
        return new NetworkSettings(mode.apiName(), "", 0, "", "");
    }
}

package io.launcher.spi.network;

/** A bridge network: its interface name, gateway address and prefix length ({@code 10.87.0.1/16}). */
public record NetworkSpec(String bridge, Ipv4Address gateway, int prefixLength) {
}

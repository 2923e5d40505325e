package io.launcher.network.bridge;

import io.launcher.spi.network.Ipv4Address;
import io.launcher.spi.network.NetworkSpec;

/** A network's IPv4 subnet, for containment checks and for rule text ({@code 10.87.0.0/16}). */
record Subnet(Ipv4Address base, int prefixLength) {

    static Subnet of(NetworkSpec network) {
        int mask = mask(network.prefixLength());
        return new Subnet(new Ipv4Address(network.gateway().bits() & mask), network.prefixLength());
    }

    boolean contains(Ipv4Address address) {
        return (address.bits() & mask(prefixLength)) == base.bits();
    }

    /** Whether the two share any address: one contains the other's base under the shorter prefix. */
    boolean overlaps(Subnet other) {
        int shorter = Math.min(prefixLength, other.prefixLength);
        return ((base.bits() ^ other.base.bits()) & mask(shorter)) == 0;
    }

    /** Neither the network address nor the broadcast address. */
    boolean isHost(Ipv4Address address) {
        int hostBits = address.bits() & ~mask(prefixLength);
        return hostBits != 0 && hostBits != ~mask(prefixLength);
    }

    private static int mask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    @Override
    public String toString() {
        return base + "/" + prefixLength;
    }
}

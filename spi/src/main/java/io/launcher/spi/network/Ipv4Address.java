package io.launcher.spi.network;

import io.launcher.api.InvalidSpecException;

/** An IPv4 address as an unsigned 32-bit value. */
public record Ipv4Address(int bits) {

    public static Ipv4Address parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new InvalidSpecException("invalid IPv4 address " + text);
        }
        int bits = 0;
        for (String part : parts) {
            int octet;
            try {
                octet = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new InvalidSpecException("invalid IPv4 address " + text);
            }
            if (octet < 0 || octet > 255) {
                throw new InvalidSpecException("invalid IPv4 address " + text);
            }
            bits = (bits << 8) | octet;
        }
        return new Ipv4Address(bits);
    }

    @Override
    public String toString() {
        return ((bits >>> 24) & 255) + "." + ((bits >>> 16) & 255) + "." + ((bits >>> 8) & 255) + "." + (bits & 255);
    }
}

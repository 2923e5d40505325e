package io.launcher.network.bridge.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.network.bridge.HostTools;
import io.launcher.spi.Availability;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class BridgeNetworkProviderTest {

    @Test
    void isTheBridgeBackendAheadOfTheOthers() {
        BridgeNetworkProvider provider = new BridgeNetworkProvider();

        assertEquals("bridge", provider.name());
        assertEquals(100, provider.priority());
    }

    @Test
    void isListedForPf4j() throws IOException {
        // Other jars on the test class path carry an index too: one of them must name the provider.
        boolean listed = false;
        for (URL url : Collections.list(BridgeNetworkProvider.class.getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream index = url.openStream()) {
                listed |= new String(index.readAllBytes(), StandardCharsets.UTF_8).contains(BridgeNetworkProvider.class.getName());
            }
        }
        assertTrue(listed, "no META-INF/extensions.idx names the provider");
    }

    @Test
    void probeSaysWhyNotWhenNotRoot() {
        Availability availability = new BridgeNetworkProvider().probe();

        if (!HostTools.effectiveUserIsRoot()) {
            assertEquals(Availability.unavailable("bridge networking needs root"), availability);
            return;
        }
        assumeTrue(HostTools.probe().available());
        assertTrue(availability.available(), availability.reason());
    }
}

package io.launcher.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.StorageOpt;
import org.junit.jupiter.api.Test;

/** HostConfig.StorageOpt over the Docker Engine API, as the docker CLI sends it and inspect shows it. */
class StorageOptJsonTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void createReadsStorageOptAndInspectShowsIt() throws Exception {
        CreateBody body = CreateBody.read(json.readTree(
                "{\"Image\":\"base\",\"HostConfig\":{\"StorageOpt\":{\"size\":\"10m\"}}}"));
        assertEquals(10L << 20, body.hostConfig().storageOpt().sizeBytes());
        assertEquals("{\"size\":\"10m\"}", ContainerJson.hostConfig(body.hostConfig()).get("StorageOpt").toString());
    }

    @Test
    void withoutTheOptionNothingIsBoundedAndInspectOmitsIt() throws Exception {
        CreateBody body = CreateBody.read(json.readTree("{\"Image\":\"base\",\"HostConfig\":{\"StorageOpt\":null}}"));
        assertEquals(StorageOpt.NONE, body.hostConfig().storageOpt());
        assertFalse(ContainerJson.hostConfig(body.hostConfig()).has("StorageOpt"));
    }

    @Test
    void anUnknownKeyIsRefusedInDockerWords() throws Exception {
        InvalidSpecException refused = assertThrows(InvalidSpecException.class, () -> CreateBody.read(json.readTree(
                "{\"Image\":\"base\",\"HostConfig\":{\"StorageOpt\":{\"dm.basesize\":\"10g\"}}}")));
        assertEquals("Unknown option dm.basesize", refused.getMessage());
    }
}

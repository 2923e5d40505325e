package io.launcher.daemon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The engine's ObjectMapper (documents it binds to classes, and trees it converts). It lives apart
 * from {@link DockerJson} so that the client, which only reads and writes trees through
 * {@link JsonTrees}, never pays for building it.
 */
public final class DockerMapper {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private DockerMapper() {
    }
}

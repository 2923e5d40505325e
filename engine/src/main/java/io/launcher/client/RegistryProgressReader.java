package io.launcher.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.ProgressListener;
import io.launcher.daemon.DockerJson;
import java.io.IOException;
import java.io.InputStream;

/** Reads the progress lines of a pull or push into the listener, throwing the fault of an error line. */
final class RegistryProgressReader {
    private RegistryProgressReader() {
    }

    /** Returns the image id of an aux line (a pull's), or null. */
    static String read(InputStream body, ProgressListener progress) throws IOException {
        String[] id = {null};
        JsonMessages.read(body, node -> {
            JsonNode aux = DockerJson.field(node, "aux");
            if (aux != null) {
                id[0] = DockerJson.text(aux, "ID");
            } else {
                JsonMessages.reportItem(node, progress);
            }
        });
        return id[0];
    }
}

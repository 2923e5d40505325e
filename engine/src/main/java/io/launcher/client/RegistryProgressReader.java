package io.launcher.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.ProgressListener;
import io.launcher.daemon.ApiFaults;
import io.launcher.daemon.DockerJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Reads the progress lines of a pull or push into the listener, throwing the fault of an error line. */
final class RegistryProgressReader {
    private RegistryProgressReader() {
    }

    /** Returns the image id of an aux line (a pull's), or null. */
    static String read(InputStream body, ProgressListener progress) throws IOException {
        String id = null;
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = DockerJson.MAPPER.readTree(line);
            JsonNode error = DockerJson.field(node, "errorDetail");
            if (error != null || DockerJson.field(node, "error") != null) {
                String message = error != null ? DockerJson.text(error, "message") : DockerJson.text(node, "error");
                throw ApiFaults.rebuild((int) DockerJson.number(error, "code"), DockerJson.text(node, ApiFaults.HEADER), message);
            }
            JsonNode aux = DockerJson.field(node, "aux");
            if (aux != null) {
                id = DockerJson.text(aux, "ID");
                continue;
            }
            JsonNode detail = DockerJson.field(node, "progressDetail");
            boolean counted = detail != null && detail.has("current");
            progress.item(DockerJson.text(node, "id"), DockerJson.text(node, "status"),
                    counted ? DockerJson.number(detail, "current") : -1, counted ? DockerJson.number(detail, "total") : -1);
        }
        return id;
    }
}

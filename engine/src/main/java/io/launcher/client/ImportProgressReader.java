package io.launcher.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.ImageId;
import io.launcher.api.InternalException;
import io.launcher.api.ProgressListener;
import io.launcher.daemon.ApiFaults;
import io.launcher.daemon.DockerJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Reads the progress lines of an import: progress to the listener, the last line's image id, or the error. */
final class ImportProgressReader {
    private ImportProgressReader() {
    }

    static ImageId read(InputStream body, ProgressListener progress) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String status = null;
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
            JsonNode detail = DockerJson.field(node, "progressDetail");
            if (detail != null) {
                progress.progress(DockerJson.text(node, "status"), DockerJson.number(detail, "current"),
                        DockerJson.number(detail, "total"));
            } else {
                status = DockerJson.text(node, "status");
            }
        }
        if (status == null || !status.startsWith("sha256:")) {
            throw new InternalException("the import ended without an image id");
        }
        return ImageId.parse(status);
    }
}

package io.launcher.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.ImageId;
import io.launcher.api.InternalException;
import io.launcher.api.ProgressListener;
import io.launcher.daemon.DockerJson;
import java.io.IOException;
import java.io.InputStream;

/** Reads the progress lines of an import: progress to the listener, the last line's image id, or the error. */
final class ImportProgressReader {
    private ImportProgressReader() {
    }

    static ImageId read(InputStream body, ProgressListener progress) throws IOException {
        String[] status = {null};
        JsonMessages.read(body, node -> {
            JsonNode detail = DockerJson.field(node, "progressDetail");
            if (detail != null) {
                progress.progress(DockerJson.text(node, "status"), DockerJson.number(detail, "current"),
                        DockerJson.number(detail, "total"));
            } else {
                status[0] = DockerJson.text(node, "status");
            }
        });
        if (status[0] == null || !status[0].startsWith("sha256:")) {
            throw new InternalException("the import ended without an image id");
        }
        return ImageId.parse(status[0]);
    }
}

package io.launcher.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.launcher.api.ImageId;
import io.launcher.api.LauncherException;
import io.launcher.api.ProgressListener;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Docker's progress stream for {@code POST /images/create}: JSON lines, the last one
 * {@code {"status":"sha256:..."}} or an error line. The 200 head goes out with the first line,
 * so a request refused before any progress still gets its proper error status.
 */
final class ImportProgressStream implements ProgressListener {
    private static final long INTERVAL_NANOS = 200_000_000L;

    private final ApiRequest request;
    private OutputStream out;
    private long lastLine = System.nanoTime() - INTERVAL_NANOS;

    ImportProgressStream(ApiRequest request) {
        this.request = request;
    }

    @Override
    public void progress(String what, long current, long total) {
        long now = System.nanoTime();
        // Few lines: a client that writes the whole tarball before reading must not fill the socket.
        if (now - lastLine < INTERVAL_NANOS && current != total) {
            return;
        }
        lastLine = now;
        ObjectNode line = DockerJson.object().put("status", what);
        line.putObject("progressDetail").put("current", current).put("total", total);
        line.put("progress", total > 0 ? current + "/" + total + " bytes" : current + " bytes");
        try {
            write(line);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to send import progress", e);
        }
    }

    void done(ImageId id) throws IOException {
        write(DockerJson.object().put("status", id.toString()));
        out.close();
    }

    /** True when the failure went into the stream; false when the caller must answer with a status. */
    boolean failed(LauncherException fault) throws IOException {
        if (out == null) {
            return false;
        }
        write(DockerJson.progressError(fault));
        out.close();
        return true;
    }

    private void write(ObjectNode line) throws IOException {
        if (out == null) {
            out = request.stream("application/json");
        }
        out.write(DockerMapper.MAPPER.writeValueAsBytes(line));
        out.write('\n');
        out.flush();
    }
}

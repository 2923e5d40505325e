package io.launcher.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.launcher.api.ImageId;
import io.launcher.api.LauncherException;
import io.launcher.api.ProgressListener;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Docker's progress stream of a pull or push: one JSON line per event,
 * {@code {"status":"Downloading","progressDetail":{"current":1,"total":2},"progress":"[=>  ]","id":"0123456789ab"}},
 * status lines without an id, and an error line at the end when it fails. The 200 head goes out
 * with the first line, so a pull refused before any progress still gets its proper status.
 */
final class RegistryProgressStream implements ProgressListener {
    private static final int BAR = 50;

    private final ApiRequest request;
    private OutputStream out;

    RegistryProgressStream(ApiRequest request) {
        this.request = request;
    }

    @Override
    public void progress(String what, long current, long total) {
        item("", what, current, total);
    }

    @Override
    public synchronized void item(String id, String status, long current, long total) {
        ObjectNode line = DockerJson.object().put("status", status);
        if (current >= 0) {
            line.putObject("progressDetail").put("current", current).put("total", total);
            line.put("progress", bar(current, total));
        } else if (!id.isEmpty()) {
            line.putObject("progressDetail");
        }
        if (!id.isEmpty()) {
            line.put("id", id);
        }
        try {
            write(line);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to send progress", e);
        }
    }

    /** Docker's aux line, which its CLI skips: carries the pulled image's id to Launcher's client. */
    synchronized void aux(ImageId id) throws IOException {
        ObjectNode line = DockerJson.object();
        line.putObject("aux").put("ID", id.toString());
        write(line);
    }

    /** A text line of the result, as load's "Loaded image: ..." ({@code {"stream":"...\n"}}). */
    synchronized void text(String line) throws IOException {
        write(DockerJson.object().put("stream", line + "\n"));
    }

    /** Ends a stream that went well. */
    synchronized void done() throws IOException {
        if (out == null) {
            out = request.stream("application/json");
        }
        out.close();
    }

    /** True when the failure went into the stream; false when the caller must answer with a status. */
    synchronized boolean failed(LauncherException fault) throws IOException {
        if (out == null) {
            return false;
        }
        write(DockerJson.progressError(fault));
        out.close();
        return true;
    }

    static String bar(long current, long total) {
        String amount = Bytes.human(current) + (total > 0 ? "/" + Bytes.human(total) : "");
        if (total <= 0) {
            return amount;
        }
        int filled = (int) Math.min(BAR, current * BAR / total);
        StringBuilder text = new StringBuilder("[");
        text.append("=".repeat(filled));
        if (filled < BAR) {
            text.append('>').append(" ".repeat(BAR - filled - 1));
        }
        return text.append("] ").append(String.format("%8s", amount)).toString();
    }

    private void write(ObjectNode line) throws IOException {
        if (out == null) {
            out = request.stream("application/json");
        }
        out.write(DockerMapper.MAPPER.writeValueAsBytes(line));
        out.write('\n');
        out.flush();
    }

    /** Docker's decimal sizes in progress bars: {@code 1.23MB}. */
    static final class Bytes {
        private Bytes() {
        }

        static String human(long bytes) {
            String[] units = {"B", "kB", "MB", "GB", "TB"};
            double value = bytes;
            int unit = 0;
            while (value >= 1000 && unit < units.length - 1) {
                value /= 1000;
                unit++;
            }
            return unit == 0 ? bytes + "B" : String.format("%.3g%s", value, units[unit]);
        }
    }
}

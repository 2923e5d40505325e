package io.launcher.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A request body that is a regular file (an image tarball to import or load): read as any stream,
 * but {@link HttpClientConnection} sends it with its length by {@code sendfile(2)}, from the page
 * cache to the socket, instead of copying it through the heap in chunks.
 */
public final class FileBody extends FilterInputStream {
    private final FileChannel channel;

    private FileBody(FileChannel channel) {
        super(Channels.newInputStream(channel));
        this.channel = channel;
    }

    /** The file as a body: a {@code FileBody} when it is a regular file, else a plain stream (a FIFO). */
    public static InputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Files.newInputStream(file);
        }
        return new FileBody(FileChannel.open(file, StandardOpenOption.READ));
    }

    FileChannel channel() {
        return channel;
    }
}

package io.launcher.layer;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * An output that can take a file's bytes from the file itself: a socket has the kernel send them
 * from the page cache ({@code sendfile}), never through the heap. {@link TarLayerWriter} hands an
 * undigested tar's file contents this way (an export), which is most of its bytes.
 */
public interface FileSink {

    /**
     * Writes {@code count} bytes of {@code file} from {@code position} after what was written so
     * far; returns how many were written, fewer only when the file ends first.
     */
    long transferFrom(FileChannel file, long position, long count) throws IOException;
}

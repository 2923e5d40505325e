package io.launcher.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of one container's json-file log: the live {@code <id>-json.log} and what rotation
 * left of it, {@code .1} (the newest) to {@code .N} (the oldest). Readers open the files they
 * need at once: a rotation renames files, but an open file stays the same file.
 */
final class LogFileSet {
    /** One opened file of the set, read from {@code start}; {@code key} tells it apart from its successors. */
    record Segment(FileChannel channel, Object key, long start) {
    }

    private final Path live;

    LogFileSet(Path live) {
        this.live = live;
    }

    Path live() {
        return live;
    }

    /** Every file of the set, oldest first, the live one (when it exists) last. */
    List<Path> files() throws IOException {
        String prefix = live.getFileName() + ".";
        List<Path> rotated = new ArrayList<>();
        if (Files.isDirectory(live.getParent())) {
            try (Stream<Path> entries = Files.list(live.getParent())) {
                entries.filter(p -> generation(p.getFileName().toString(), prefix) > 0).forEach(rotated::add);
            }
        }
        rotated.sort(Comparator.comparingInt((Path p) -> generation(p.getFileName().toString(), prefix)).reversed());
        if (Files.exists(live)) {
            rotated.add(live);
        }
        return rotated;
    }

    private static int generation(String name, String prefix) {
        if (!name.startsWith(prefix) || name.length() == prefix.length() || name.length() - prefix.length() > 6) {
            return -1;
        }
        int n = 0;
        for (int i = prefix.length(); i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** The files holding the last {@code tail} lines (-1: all), oldest first, each from where its part begins. */
    List<Segment> open(int tail) throws IOException {
        List<Path> all = tail == 0 ? List.of() : files();
        // no file yet (a container not started): the live one is made so a follower can wait on it;
        // only rotated files (the moment of a rotation): they are read, and the new live one after
        if (all.isEmpty()) {
            return openLiveAtEnd();
        }
        List<Segment> opened = openAll(all);
        if (tail < 0) {
            return opened;
        }
        List<Segment> wanted = new ArrayList<>();
        int remaining = tail;
        for (int i = opened.size() - 1; i >= 0; i--) {
            Segment segment = opened.get(i);
            if (remaining == 0) {
                segment.channel().close();
                continue;
            }
            long[] found = lastLines(segment.channel(), remaining);
            remaining -= (int) found[1];
            wanted.add(0, new Segment(segment.channel(), segment.key(), found[0]));
        }
        return wanted;
    }

    /** The live file from its current end: what {@code attach} reads. */
    List<Segment> openLiveAtEnd() throws IOException {
        if (!Files.exists(live)) {
            Files.createDirectories(live.getParent());
            try {
                // the monitor's mode: the log can hold secrets a process printed
                Files.createFile(live, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // the monitor made it first
            }
        }
        List<Segment> opened = openAll(List.of(live));
        return opened.stream().map(s -> new Segment(s.channel(), s.key(), sizeOf(s.channel()))).toList();
    }

    /**
     * The files that came after the one with {@code key} (it was rotated away), oldest first,
     * opened; empty while it is still the live file. A file rotated out of the set entirely
     * means the reader fell behind: it goes on with the oldest file left.
     */
    List<Segment> successors(Object key) throws IOException {
        Object liveKey = key(live);
        if (liveKey == null || liveKey.equals(key)) {
            return List.of();
        }
        List<Path> all = files();
        int index = -1;
        for (int i = 0; i < all.size(); i++) {
            if (key.equals(key(all.get(i)))) {
                index = i;
            }
        }
        return openAll(all.subList(index + 1, all.size()));
    }

    private static List<Segment> openAll(List<Path> paths) throws IOException {
        List<Segment> opened = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (Path path : paths) {
            FileChannel channel;
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                continue;
            }
            Object key = key(path);
            // a rotation while listing can show one file under two names: read it once
            if (key == null || !seen.add(key)) {
                channel.close();
                continue;
            }
            opened.add(new Segment(channel, key, 0));
        }
        return opened;
    }

    private static Object key(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static long sizeOf(FileChannel channel) {
        try {
            return channel.size();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Where the last {@code lines} lines of the file begin, and how many lines that is (fewer
     * when the file has fewer: then from 0). A last line without its newline counts as one.
     */
    static long[] lastLines(FileChannel ch, int lines) throws IOException {
        long end = ch.size();
        if (end == 0) {
            return new long[] {0, 0};
        }
        int found = 0;
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
        long cursor = end;
        while (cursor > 0) {
            int length = (int) Math.min(chunk.capacity(), cursor);
            cursor -= length;
            chunk.clear().limit(length);
            ch.read(chunk, cursor);
            for (int i = length - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n' && cursor + i != end - 1 && ++found == lines) {
                    return new long[] {cursor + i + 1, found};
                }
            }
        }
        return new long[] {0, found + 1};
    }
}

package io.launcher.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A response body copied to a {@link ChannelOutput}: from the socket through a direct buffer, the
 * chunk framing decoded there, every byte where the stream decoding puts it, whatever the reads
 * return, and the connection left at the start of the next response.
 */
class ChannelBodyTest {
    @TempDir
    Path dir;
    private ServerSocketChannel server;
    private CompletableFuture<Void> served;

    @BeforeEach
    void listen() throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(dir.resolve("s.sock")));
    }

    @AfterEach
    void close() throws Exception {
        server.close();
        if (served != null) {
            served.get(10, TimeUnit.SECONDS);
        }
    }

    /** Answers the first request on the first connection with these bytes, in pieces of random sizes. */
    private void answer(byte[] response, int maxPiece) {
        served = CompletableFuture.runAsync(() -> {
            try (SocketChannel peer = server.accept()) {
                ByteBuffer head = ByteBuffer.allocate(4096);
                while (!new String(head.array(), 0, head.position(), StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                    peer.read(head);
                }
                Random random = new Random(11);
                for (int at = 0; at < response.length; ) {
                    int n = Math.min(response.length - at, 1 + random.nextInt(maxPiece));
                    ByteBuffer piece = ByteBuffer.wrap(response, at, n);
                    while (piece.hasRemaining()) {
                        peer.write(piece);
                    }
                    at += n;
                }
                peer.shutdownOutput();
                peer.read(ByteBuffer.allocate(1));
            } catch (IOException e) {
                // a client that failed the body stops reading: the test asserts what it saw
            }
        });
    }

    private static byte[] randomBytes(int length, int seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** The body in chunks of these sizes (hex in upper case for odd ones, an extension on every third). */
    private static byte[] chunked(byte[] body, int... sizes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        for (int i = 0; at < body.length; i++) {
            int n = Math.min(body.length - at, sizes[i % sizes.length]);
            String size = Integer.toHexString(n);
            out.writeBytes(((i % 2 == 1 ? size.toUpperCase() : size) + (i % 3 == 0 ? ";x=y" : "") + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            at += n;
        }
        out.writeBytes("0\r\nTrailer: t\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static byte[] concat(String head, byte[] body, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        out.writeBytes(after.getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static final String CHUNKED_HEAD = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
    private static final String NEXT = "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nnext";

    private FileChannel file(String name) throws IOException {
        return FileChannel.open(dir.resolve(name), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    @Test
    void copiesAChunkedBodyToTheChannelAndLeavesTheNextResponse() throws IOException {
        byte[] body = randomBytes(5 * (1 << 20) + 777, 1);
        // chunks larger than the buffer, tiny ones (more than a gathering write's slices), odd sizes
        answer(concat(CHUNKED_HEAD, chunked(body, 66048, 3 << 20, 1, 7, 1000, 2, 3, 5, 8, 13), NEXT), 300_000);
        try (HttpClientConnection client = HttpClientConnection.open(dir.resolve("s.sock"));
             ChannelOutput out = new ChannelOutput(file("out"), "out")) {
            HttpResponse response = client.request("GET", "/x", new Headers(), new byte[0]);
            assertEquals(body.length, response.body().transferTo(out));
            assertEquals(-1, response.body().read());
            assertArrayEquals(body, Files.readAllBytes(dir.resolve("out")));
            assertEquals("next", client.request("GET", "/y", new Headers(), new byte[0]).bodyText());
        }
    }

    @Test
    void aBodyBegunByStreamReadsEndsThroughTheChannel() throws IOException {
        byte[] body = randomBytes(200_000, 2);
        answer(concat(CHUNKED_HEAD, chunked(body, 70_000), ""), 50_000);
        try (HttpClientConnection client = HttpClientConnection.open(dir.resolve("s.sock"));
             ChannelOutput out = new ChannelOutput(file("out"), "out")) {
            HttpResponse response = client.request("GET", "/x", new Headers(), new byte[0]);
            byte[] first = response.body().readNBytes(100);
            assertEquals(body.length - 100, response.body().transferTo(out));
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            whole.writeBytes(first);
            whole.writeBytes(Files.readAllBytes(dir.resolve("out")));
            assertArrayEquals(body, whole.toByteArray());
        }
    }

    @Test
    void copiesABodyOfKnownLength() throws IOException {
        byte[] body = randomBytes(3 * (1 << 20) + 5, 3);
        answer(concat("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n", body, NEXT), 100_000);
        try (HttpClientConnection client = HttpClientConnection.open(dir.resolve("s.sock"));
             ChannelOutput out = new ChannelOutput(file("out"), "out")) {
            HttpResponse response = client.request("GET", "/x", new Headers(), new byte[0]);
            assertEquals(body.length, response.body().transferTo(out));
            assertArrayEquals(body, Files.readAllBytes(dir.resolve("out")));
            assertEquals("next", client.request("GET", "/y", new Headers(), new byte[0]).bodyText());
        }
    }

    @Test
    void aChunkLongerThanItsSizeIsAProtocolError() throws IOException {
        HttpProtocolException e = transferFails("3\r\nabcd\r\n0\r\n\r\n");
        assertTrue(e.getMessage().contains("longer than its size"), e.getMessage());
    }

    @Test
    void aConnectionClosedInsideTheBodyIsAProtocolError() throws IOException {
        transferFails("10\r\nabc");
    }

    @Test
    void aMalformedChunkSizeIsAProtocolError() throws IOException {
        assertEquals("malformed chunk size: zz", transferFails("zz\r\nabc\r\n0\r\n\r\n").getMessage());
    }

    /** The failure of a direct transfer of a chunked body written as {@code chunks}. */
    private HttpProtocolException transferFails(String chunks) throws IOException {
        answer((CHUNKED_HEAD + chunks).getBytes(StandardCharsets.ISO_8859_1), 5);
        try (HttpClientConnection client = HttpClientConnection.open(dir.resolve("s.sock"));
             ChannelOutput out = new ChannelOutput(file("out"), "out")) {
            HttpResponse response = client.request("GET", "/x", new Headers(), new byte[0]);
            return assertThrows(HttpProtocolException.class, () -> response.body().transferTo(out));
        }
    }

    @Test
    void aFailedWriteNamesWhatItWroteTo() throws IOException {
        Pipe pipe = Pipe.open();
        pipe.source().close();
        try (ChannelOutput out = new ChannelOutput(pipe.sink(), "/dev/stdout")) {
            IOException e = assertThrows(IOException.class, () -> out.write(new byte[10], 0, 10));
            assertEquals("write /dev/stdout: broken pipe", e.getMessage());
        }
    }
}

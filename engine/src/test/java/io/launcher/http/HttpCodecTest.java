package io.launcher.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpCodecTest {
    @TempDir
    Path dir;
    private Path socket;
    private HttpServer server;

    /** Echoes the request body; /stream answers in chunks; /hijack echoes raw bytes back. */
    private static void handle(HttpExchange exchange) throws IOException {
        switch (exchange.path()) {
            case "/stream" -> {
                OutputStream out = exchange.stream(200, Headers.of("Content-Type", "text/plain"));
                out.write("one,".getBytes(StandardCharsets.UTF_8));
                out.flush();
                out.write("two".getBytes(StandardCharsets.UTF_8));
                out.close();
            }
            case "/hijack" -> {
                try (Hijacked raw = exchange.hijack(Headers.of("Content-Type", "application/vnd.docker.raw-stream"))) {
                    byte[] line = raw.in().readNBytes(5);
                    raw.out().write(("got " + new String(line, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                    raw.shutdownOutput();
                }
            }
            default -> {
                byte[] body = exchange.body().readAllBytes();
                String answer = exchange.method() + " " + exchange.path() + " " + exchange.query().all("a") + " "
                        + new String(body, StandardCharsets.UTF_8);
                exchange.respond(200, Headers.of("Content-Type", "text/plain"), answer.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @BeforeEach
    void start() throws IOException {
        socket = dir.resolve("http.sock");
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(socket));
        server = HttpServer.serve(channel, HttpCodecTest::handle, Headers.of("Server", "test"));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private String raw(String request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            SocketStreams.output(channel).write(request.getBytes(StandardCharsets.ISO_8859_1));
            channel.shutdownOutput();
            return new String(SocketStreams.input(channel).readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void decodesAChunkedRequestBody() throws IOException {
        String answer = raw("POST /echo?a=1&a=x%20y HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: t\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer);
        assertTrue(answer.contains("Server: test\r\n"), answer);
        assertTrue(answer.endsWith("POST /echo [1, x y] hello world"), answer);
    }

    @Test
    void keepsTheConnectionAliveBetweenRequests() throws IOException {
        String answer = raw("POST /one HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"
                + "GET /two HTTP/1.1\r\n\r\n"
                + "GET /three HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertEquals(3, answer.split("HTTP/1.1 200 OK").length - 1, answer);
        assertTrue(answer.contains("POST /one [] abc"), answer);
        assertTrue(answer.contains("GET /two [] "), answer);
        assertTrue(answer.endsWith("GET /three [] "), answer);
    }

    @Test
    void headAnswersWithoutABody() throws IOException {
        String answer = raw("HEAD /x HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertTrue(answer.contains("Content-Length: 11\r\n"), answer);
        assertTrue(answer.endsWith("\r\n\r\n"), answer);
    }

    @Test
    void streamsAChunkedResponseThatTheClientDecodes() throws IOException {
        String answer = raw("GET /stream HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertTrue(answer.contains("Transfer-Encoding: chunked\r\n"), answer);
        assertTrue(answer.endsWith("4\r\none,\r\n3\r\ntwo\r\n0\r\n\r\n"), answer);
        try (HttpClientConnection client = HttpClientConnection.open(socket)) {
            HttpResponse response = client.request("GET", "/stream", new Headers(), new byte[0]);
            assertEquals(200, response.status());
            assertEquals("one,two", response.bodyText());
        }
    }

    @Test
    void clientStreamsAChunkedRequestBody() throws IOException {
        try (HttpClientConnection client = HttpClientConnection.open(socket)) {
            byte[] big = "x".repeat(300_000).getBytes(StandardCharsets.UTF_8);
            HttpResponse response = client.requestChunked("PUT", "/archive?a=b", new Headers(), new ByteArrayInputStream(big));
            String text = response.bodyText();
            assertTrue(text.startsWith("PUT /archive [b] xxx"), text.substring(0, 40));
            assertEquals("PUT /archive [b] ".length() + big.length, text.length());
        }
    }

    @Test
    void hijacksWithUpgrade() throws IOException {
        String answer = raw("POST /hijack HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\nhello");
        assertTrue(answer.startsWith("HTTP/1.1 101 UPGRADED\r\n"), answer);
        assertTrue(answer.contains("Connection: Upgrade\r\n") && answer.contains("Upgrade: tcp\r\n"), answer);
        assertTrue(answer.contains("Content-Type: application/vnd.docker.raw-stream\r\n"), answer);
        assertTrue(answer.endsWith("\r\n\r\ngot hello"), answer);
    }

    @Test
    void hijacksWithoutUpgradeAs200() throws IOException {
        String answer = raw("POST /hijack HTTP/1.1\r\n\r\nhello");
        assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer);
        assertTrue(answer.endsWith("\r\n\r\ngot hello"), answer);
    }

    @Test
    void clientReadsTheRawStreamAfter101() throws IOException {
        try (HttpClientConnection client = HttpClientConnection.open(socket)) {
            HttpResponse response = client.request("POST", "/hijack", Headers.of("Connection", "Upgrade", "Upgrade", "tcp"), new byte[0]);
            assertEquals(101, response.status());
            client.rawOutput().write("hello".getBytes(StandardCharsets.UTF_8));
            client.rawOutput().flush();
            assertEquals("got hello", response.bodyText());
        }
    }

    @Test
    void answersMalformedRequestsWith400() throws IOException {
        assertTrue(raw("NONSENSE\r\n\r\n").startsWith("HTTP/1.1 400 Bad Request\r\n"));
        assertTrue(raw("POST /x HTTP/1.1\r\nContent-Length: nope\r\n\r\n").startsWith("HTTP/1.1 400 Bad Request\r\n"));
    }

    @Test
    void answersExpectContinue() throws IOException {
        String answer = raw("POST /e HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        assertTrue(answer.startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK"), answer);
    }

    @Test
    void parsesHeadsAndQueries() throws IOException {
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(
                "\r\nGET /images/localhost:5000/a%2Bb/json?x=1&flag&e= HTTP/1.1\nA: 1\nB:  two \n\n".getBytes(StandardCharsets.ISO_8859_1)));
        MessageHead head = MessageHead.read(in).orElseThrow();
        RequestLine line = RequestLine.parse(head.startLine());
        assertEquals("/images/localhost:5000/a+b/json", line.path());
        assertEquals("two", head.headers().first("b").orElseThrow());
        assertTrue(line.query().flag("flag"));
        assertTrue(line.query().flag("x"));
        assertEquals(List.of(""), line.query().all("e"));
        assertEquals(7, Query.parse("n=7").number("n", 0));
    }
}

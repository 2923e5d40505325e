package io.launcher.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tiny HTTP/1.1 server on 127.0.0.1 answering each request with a handler's reply; one request a connection. */
final class StubRegistry implements AutoCloseable {
    record Request(String method, String target, Map<String, String> headers) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    record Reply(int status, Map<String, String> headers, byte[] body) {
        static Reply of(int status, String body, String... headers) {
            Map<String, String> map = new TreeMap<>();
            for (int i = 0; i < headers.length; i += 2) {
                map.put(headers[i], headers[i + 1]);
            }
            return new Reply(status, map, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    interface Handler {
        Reply handle(Request request);
    }

    private final ServerSocket server;
    private final Thread thread;
    final List<Request> requests = new CopyOnWriteArrayList<>();

    StubRegistry(Handler handler) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(handler), "stub-registry");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve(Handler handler) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                String line = in.readLine();
                if (line == null) {
                    continue;
                }
                String[] parts = line.split(" ");
                Map<String, String> headers = new TreeMap<>();
                for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                    int colon = h.indexOf(':');
                    headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
                }
                Request request = new Request(parts[0], parts[1], headers);
                requests.add(request);
                Reply reply = handler.handle(request);
                StringBuilder head = new StringBuilder("HTTP/1.1 " + reply.status() + " X\r\n");
                reply.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
                head.append("Content-Length: ").append(reply.body().length).append("\r\nConnection: close\r\n\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (!request.method().equals("HEAD")) {
                    out.write(reply.body());
                }
                out.flush();
            } catch (IOException e) {
                // closed, or a client gone
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        thread.join(5000);
    }
}

package io.launcher.client;

import io.launcher.api.InternalException;
import io.launcher.api.WaitCondition;
import io.launcher.http.Headers;
import io.launcher.http.HttpResponse;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The engine's wait ({@code POST /containers/{id}/wait}): the engine answers the head once the
 * wait is registered and the body, with the exit code, when the condition holds.
 */
final class RemoteWait {
    private final Path socket;

    RemoteWait(Path socket) {
        this.socket = socket;
    }

    int await(String container, WaitCondition condition) throws InterruptedException {
        try (EngineConnection call = EngineConnection.open(socket)) {
            return exitCode(call.send("POST", target(container, condition), null, new Headers()));
        } catch (ClosedByInterruptException e) {
            throw new InterruptedException("interrupted while waiting for container " + container);
        } catch (IOException e) {
            throw EngineConnection.unreachable(socket, e);
        }
    }

    /**
     * Sends the wait and reads its head on this thread, so that the wait is registered when this
     * returns (what the docker CLI relies on before it starts a {@code run --rm} container: a short
     * run can end, and its container be removed, before a wait sent later); the body is read on a
     * daemon thread, which the client never waits for at exit.
     */
    CompletableFuture<Integer> awaitLater(String container, WaitCondition condition) {
        EngineConnection call = EngineConnection.open(socket);
        HttpResponse response;
        try {
            response = call.send("POST", target(container, condition), null, new Headers());
        } catch (RuntimeException e) {
            call.close();
            throw e;
        }
        CompletableFuture<Integer> status = new CompletableFuture<>();
        Thread reader = new Thread(new Reply(call, response, status), "launcher-wait");
        reader.setDaemon(true);
        reader.start();
        return status;
    }

    private static ApiTarget target(String container, WaitCondition condition) {
        return ApiTarget.of("containers", container, "wait")
                .param("condition", condition.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private static int exitCode(HttpResponse response) throws IOException {
        Map<String, String> answer = ClientJson.scalars(response.body());
        String error = answer.getOrDefault("Error.Message", "");
        if (!error.isEmpty()) {
            throw new InternalException(error);
        }
        return (int) ClientJson.number(answer.get("StatusCode"));
    }

    /** The body's reading, a named class rather than a lambda (a lambda's first link costs more). */
    private final class Reply implements Runnable {
        private final EngineConnection call;
        private final HttpResponse response;
        private final CompletableFuture<Integer> status;

        Reply(EngineConnection call, HttpResponse response, CompletableFuture<Integer> status) {
            this.call = call;
            this.response = response;
            this.status = status;
        }

        @Override
        public void run() {
            try (call) {
                status.complete(exitCode(response));
            } catch (IOException e) {
                status.completeExceptionally(EngineConnection.unreachable(socket, e));
            } catch (RuntimeException e) {
                status.completeExceptionally(e);
            }
        }
    }
}

package io.launcher.daemon;

import java.io.IOException;
import java.util.regex.Pattern;

/** A method and a path pattern whose groups become the handler's parameters. */
record Route(String method, Pattern path, Handler handler) {

    @FunctionalInterface
    interface Handler {
        void handle(ApiRequest request) throws IOException, InterruptedException;
    }

    static Route of(String method, String pathRegex, Handler handler) {
        return new Route(method, Pattern.compile(pathRegex), handler);
    }
}

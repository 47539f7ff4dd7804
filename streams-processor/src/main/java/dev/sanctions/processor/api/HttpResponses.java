package dev.sanctions.processor.api;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writing complete answers, and refusing what a read-only endpoint does not serve. */
final class HttpResponses {

    static final String JSON = "application/json; charset=utf-8";

    private HttpResponses() {
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    /**
     * Answers 404 or 405 and returns false unless the request is a GET (or HEAD) of exactly
     * {@code path}: contexts match by prefix, so {@code /healthz} would otherwise reach {@code /health}.
     */
    static boolean isGetOf(HttpExchange exchange, String path) throws IOException {
        if (!path.equals(exchange.getRequestURI().getPath())) {
            send(exchange, 404, JSON, "{\"error\":\"not found\"}");
            return false;
        }
        String method = exchange.getRequestMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            send(exchange, 405, JSON, "{\"error\":\"method not allowed, use GET\"}");
            return false;
        }
        return true;
    }
}

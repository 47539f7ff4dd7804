package dev.sanctions.processor.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import dev.sanctions.http.JsonErrors;
import dev.sanctions.http.RequestRefused;
import dev.sanctions.http.Responses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writing complete answers, errors as {@code {"error": message}}, and refusing what a read-only endpoint does
 * not serve.
 */
final class HttpResponses {

    static final String JSON = "application/json; charset=utf-8";
    private static final JsonErrors ERRORS = new JsonErrors(
            JSON, refusal -> JsonNodeFactory.instance.objectNode().put("error", refusal.getMessage()));

    private HttpResponses() {}

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        Responses.send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void error(HttpExchange exchange, RequestRefused refusal) throws IOException {
        ERRORS.send(exchange, refusal);
    }

    /**
     * Answers 404 or 405 and returns false unless the request is a GET (or HEAD) of exactly
     * {@code path}: contexts match by prefix, so {@code /healthz} would otherwise reach {@code /health}.
     */
    static boolean isGetOf(HttpExchange exchange, String path) throws IOException {
        if (!path.equals(exchange.getRequestURI().getPath())) {
            error(exchange, new RequestRefused(404, "not found"));
            return false;
        }
        String method = exchange.getRequestMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            error(exchange, new RequestRefused(405, "method not allowed, use GET"));
            return false;
        }
        return true;
    }
}

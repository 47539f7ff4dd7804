package dev.sanctions.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;

/**
 * How one API answers a refusal: every error in the same JSON shape, under the API's content type. The shape
 * belongs to the API, since its clients parse it (the registry's is Confluent's, the processor's its own), so
 * each server gives its own.
 */
public final class JsonErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String contentType;
    private final Function<RequestRefused, ? extends JsonNode> shape;

    /** @param shape the body of one refusal, e.g. {@code {"error": message}} */
    public JsonErrors(String contentType, Function<RequestRefused, ? extends JsonNode> shape) {
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.shape = Objects.requireNonNull(shape, "shape");
    }

    /** Answers {@code refusal}: its status, and its body in this API's shape. */
    public void send(HttpExchange exchange, RequestRefused refusal) throws IOException {
        Responses.send(exchange, refusal.status(), contentType, body(refusal));
    }

    byte[] body(RequestRefused refusal) {
        try {
            return JSON.writeValueAsBytes(shape.apply(refusal));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}

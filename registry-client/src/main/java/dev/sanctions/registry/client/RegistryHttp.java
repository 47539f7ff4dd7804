package dev.sanctions.registry.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One JSON request to the registry, with fail-over across the configured URLs and bounded exponential
 * backoff on connection failures and 5xx answers. 4xx answers are the registry's verdict and are never retried.
 */
final class RegistryHttp {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5";

    private final ClientSettings settings;
    private final HttpClient http;
    private final ObjectMapper json;
    /** The URL that answered last; requests start there so a dead first URL costs one failure, not one per call. */
    private final AtomicInteger preferredUrl = new AtomicInteger();

    RegistryHttp(ClientSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        settings.sslContext().ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    /**
     * Sends the request and returns the parsed JSON body.
     *
     * @param action what the caller is doing, for the error message ("register schema X under subject Y")
     */
    JsonNode send(String method, String pathAndQuery, JsonNode body, String action) {
        List<URI> urls = settings.baseUrls();
        String failure = "";
        int lastStatus = 0;
        int lastCode = 0;
        Throwable lastCause = null;
        int tries = settings.maxRetries() + 1;
        for (int attempt = 0; attempt < tries; attempt++) {
            if (attempt > 0) {
                backoff(attempt, action);
            }
            int index = Math.floorMod(preferredUrl.get(), urls.size());
            URI url = URI.create(urls.get(index) + pathAndQuery);
            HttpResponse<String> response;
            try {
                response = http.send(
                        request(method, url, body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                failure = "cannot reach " + url + " (" + e + ")";
                lastCause = e;
                lastStatus = 0;
                lastCode = 0;
                preferredUrl.compareAndSet(index, index + 1);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException(
                        0,
                        0,
                        "Interrupted while trying to " + action + " at the schema registry " + settings.describeUrls(),
                        e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return parse(response.body(), url, action);
            }
            RegistryError error = RegistryError.of(status, response.body(), json);
            if (status < 500) {
                throw new SchemaRegistryException(
                        status,
                        error.code(),
                        "Could not " + action + ": the schema registry at " + urls.get(index) + " answered HTTP "
                                + status + " error code " + error.code() + ": " + error.message() + ". "
                                + hint(status, error.code()));
            }
            failure = "HTTP " + status + " error code " + error.code() + " from " + url + ": " + error.message();
            lastStatus = status;
            lastCode = error.code();
            lastCause = null;
            preferredUrl.compareAndSet(index, index + 1);
        }
        throw new SchemaRegistryException(
                lastStatus,
                lastCode,
                "Could not " + action + " after " + tries
                        + " tries: " + failure + ". Check that the schema registry ("
                        + RegistryClientConfig.SCHEMA_REGISTRY_URL
                        + "=" + settings.describeUrls() + ") is running and reachable.",
                lastCause);
    }

    private HttpRequest request(String method, URI url, JsonNode body) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(url).timeout(settings.requestTimeout()).header("Accept", ACCEPT);
        settings.authorization().ifPresent(value -> builder.header("Authorization", value));
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            byte[] bytes;
            try {
                bytes = json.writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot encode a JSON request body", e);
            }
            builder.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        }
        return builder.build();
    }

    private JsonNode parse(String body, URI url, String action) {
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new SchemaRegistryException(
                    200,
                    0,
                    "Could not " + action + ": " + url
                            + " answered with something that is not JSON (" + abbreviate(body)
                            + "). Check that " + RegistryClientConfig.SCHEMA_REGISTRY_URL
                            + " points to a schema registry.",
                    e);
        }
    }

    private void backoff(int attempt, String action) {
        long wait = settings.retryWait().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(wait, settings.retryMaxWait().toMillis());
        if (capped <= 0) {
            return;
        }
        try {
            Thread.sleep(capped);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(0, 0, "Interrupted while waiting to retry: " + action, e);
        }
    }

    static String hint(int status, int code) {
        if (status == 409 || code == 409 || code == 40901) {
            return "The schema breaks the subject's compatibility level (GET /config/<subject>): evolve it "
                    + "compatibly (e.g. add new fields with defaults) or change the subject's level.";
        }
        return switch (code) {
            case 40401 ->
                "The subject has no schema yet: register one first (auto.register.schemas=true) "
                        + "or check the topic and subject name.";
            case 40402 -> "That version does not exist: list the versions with GET /subjects/<subject>/versions.";
            case 40403 ->
                "Check that producers and consumers use the same schema registry ("
                        + RegistryClientConfig.SCHEMA_REGISTRY_URL + ").";
            case 42201 -> "The registry rejected the schema as invalid: fix the schema.";
            case 42203 ->
                "Use one of NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE.";
            default ->
                status == 401 || status == 403
                        ? "Check " + RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE + " and "
                                + RegistryClientConfig.BASIC_AUTH_USER_INFO + "."
                        : "Check that " + RegistryClientConfig.SCHEMA_REGISTRY_URL
                                + " points to a Confluent-compatible schema registry.";
        };
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }

    /** The registry's error body {"error_code": int, "message": str}, or the raw body when it is not one. */
    record RegistryError(int code, String message) {

        static RegistryError of(int status, String body, ObjectMapper json) {
            try {
                JsonNode node = body == null || body.isBlank() ? NullNode.getInstance() : json.readTree(body);
                if (node.isObject()) {
                    int code = node.path("error_code").asInt(status);
                    String message = node.path("message").asText("(no message)");
                    return new RegistryError(code, message);
                }
            } catch (JsonProcessingException e) {
                // Not the registry's JSON error body (a proxy's HTML page, say): report it verbatim below.
            }
            return new RegistryError(status, body == null || body.isBlank() ? "(empty body)" : abbreviate(body));
        }
    }
}

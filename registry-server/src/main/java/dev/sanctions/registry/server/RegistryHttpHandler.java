package dev.sanctions.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sanctions.http.BasicAccess;
import dev.sanctions.http.JsonErrors;
import dev.sanctions.http.PercentEncoding;
import dev.sanctions.http.RequestBody;
import dev.sanctions.http.RequestRefused;
import dev.sanctions.http.Responses;
import dev.sanctions.registry.server.StoreRecord.SchemaVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Confluent Schema Registry REST API over {@link Registry}: same paths, bodies, status and error codes. */
final class RegistryHttpHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    /** Far above any real schema; bounds what one request can make the server hold. */
    private static final int MAX_BODY_BYTES = 16 << 20;

    private final Registry registry;
    private final ObjectMapper json = new ObjectMapper();
    /** Confluent's shape; a refusal of the HTTP layer (bad escape, body too large) has its status as code. */
    private final JsonErrors errors = new JsonErrors(
            CONTENT_TYPE,
            refusal -> json.createObjectNode()
                    .put("error_code", refusal instanceof RegistryError error ? error.errorCode() : refusal.status())
                    .put("message", refusal.getMessage()));

    private final Predicate<HttpExchange> mayWrite;

    RegistryHttpHandler(Registry registry) {
        this(registry, exchange -> true);
    }

    /** @param mayWrite whether a request's principal may register new schemas and set compatibility levels */
    RegistryHttpHandler(Registry registry, Predicate<HttpExchange> mayWrite) {
        this.registry = registry;
        this.mayWrite = mayWrite;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Object body;
            try {
                body = route(
                        exchange.getRequestMethod(),
                        segments(exchange.getRequestURI().getRawPath()),
                        query(exchange.getRequestURI().getRawQuery()),
                        exchange);
            } catch (RequestRefused e) {
                errors.send(exchange, e);
                return;
            } catch (SchemaStoreException e) {
                LOG.error("Schema store failure", e);
                boolean timeout = e.getCause() instanceof TimeoutException;
                errors.send(
                        exchange,
                        new RegistryError(
                                500,
                                timeout ? 50002 : 50001,
                                (timeout ? "Operation timed out: " : "Error in the backend data store: ")
                                        + e.getMessage()));
                return;
            } catch (RuntimeException e) {
                LOG.error("Unexpected failure serving {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                errors.send(exchange, new RegistryError(500, 50001, "Error in the backend data store: " + e));
                return;
            }
            Responses.send(exchange, 200, CONTENT_TYPE, json.writeValueAsBytes(body));
        }
    }

    private Object route(String method, List<String> path, Map<String, String> query, HttpExchange exchange)
            throws IOException {
        int size = path.size();
        String head = size == 0 ? "" : path.get(0);
        switch (head) {
            case "" -> {
                return json.createObjectNode();
            }
            case "subjects" -> {
                if (size == 1) {
                    requireMethod(method, "GET");
                    return registry.subjects();
                }
                String subject = path.get(1);
                if (size == 2) {
                    requireMethod(method, "POST");
                    return versionBody(registry.lookup(subject, schemaText(exchange)));
                }
                if (path.get(2).equals("versions")) {
                    if (size == 3) {
                        if (method.equals("POST")) {
                            String schema = schemaText(exchange);
                            if (!mayWrite.test(exchange)) {
                                // A reader's serializer "registers" to learn the id: allowed when nothing changes.
                                return json.createObjectNode().put("id", lookupForReader(exchange, subject, schema));
                            }
                            return json.createObjectNode().put("id", registry.register(subject, schema));
                        }
                        requireMethod(method, "GET");
                        return registry.versionNumbers(subject);
                    }
                    if (size == 4) {
                        requireMethod(method, "GET");
                        return versionBody(registry.version(subject, path.get(3)));
                    }
                    if (size == 5 && path.get(4).equals("schema")) {
                        requireMethod(method, "GET");
                        return json.readTree(
                                registry.version(subject, path.get(3)).schema());
                    }
                }
            }
            case "schemas" -> {
                if (size == 3 && path.get(1).equals("ids")) {
                    requireMethod(method, "GET");
                    return json.createObjectNode().put("schema", registry.schemaById(schemaId(path.get(2))));
                }
            }
            case "compatibility" -> {
                if ((size == 4 || size == 5)
                        && path.get(1).equals("subjects")
                        && path.get(3).equals("versions")) {
                    requireMethod(method, "POST");
                    Registry.Verdict verdict = registry.testCompatibility(
                            path.get(2), size == 5 ? path.get(4) : null, schemaText(exchange));
                    ObjectNode answer = json.createObjectNode().put("is_compatible", verdict.compatible());
                    if (Boolean.parseBoolean(query.get("verbose"))) {
                        verdict.messages().forEach(answer.putArray("messages")::add);
                    }
                    return answer;
                }
            }
            case "config" -> {
                if (size == 1 || size == 2) {
                    String subject = size == 2 ? path.get(1) : null;
                    if (method.equals("PUT")) {
                        requireWriter(exchange, subject == null ? "the global compatibility" : "subject " + subject);
                        JsonNode request = requestJson(exchange);
                        JsonNode level = request.get("compatibility");
                        String levelText = level == null || level.isNull() ? null : level.asText();
                        return json.createObjectNode()
                                .put(
                                        "compatibility",
                                        registry.setLevel(subject, levelText).name());
                    }
                    requireMethod(method, "GET");
                    CompatibilityLevel level = subject == null
                            ? registry.globalLevel()
                            : registry.subjectLevel(subject, Boolean.parseBoolean(query.get("defaultToGlobal")));
                    return json.createObjectNode().put("compatibilityLevel", level.name());
                }
            }
            default -> {
                // falls through to 404 below
            }
        }
        throw new RegistryError(404, 404, "HTTP 404 Not Found");
    }

    private int lookupForReader(HttpExchange exchange, String subject, String schema) {
        try {
            return registry.lookup(subject, schema).id();
        } catch (RegistryError notThere) {
            if (notThere.status() != 404) {
                throw notThere;
            }
            throw denied(exchange, "subject " + subject);
        }
    }

    private void requireWriter(HttpExchange exchange, String what) {
        if (!mayWrite.test(exchange)) {
            throw denied(exchange, what);
        }
    }

    /** Confluent's answer to a principal without the role: 403 with error code 40301. */
    private static RegistryError denied(HttpExchange exchange, String what) {
        return new RegistryError(
                403,
                40301,
                "User " + BasicAccess.principal(exchange) + " is denied operation Write on " + what
                        + ": read-only access; ask the operator for a writer's credentials");
    }

    private ObjectNode versionBody(SchemaVersion version) {
        return json.createObjectNode()
                .put("subject", version.subject())
                .put("version", version.version())
                .put("id", version.id())
                .put("schema", version.schema());
    }

    /** The "schema" of a register, lookup or compatibility request; only Avro without references is served. */
    private String schemaText(HttpExchange exchange) throws IOException {
        JsonNode request = requestJson(exchange);
        String type = request.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw RegistryError.invalidSchema("schema type " + type + " is not supported; this registry serves AVRO");
        }
        JsonNode references = request.get("references");
        if (references != null && references.isArray() && !references.isEmpty()) {
            throw RegistryError.invalidSchema("schema references are not supported; inline the referenced types");
        }
        JsonNode schema = request.get("schema");
        if (schema == null || !schema.isTextual() || schema.asText().isBlank()) {
            throw RegistryError.invalidSchema("the request has no \"schema\" string");
        }
        return schema.asText();
    }

    private JsonNode requestJson(HttpExchange exchange) throws IOException {
        byte[] bytes = RequestBody.read(exchange, MAX_BODY_BYTES);
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new RegistryError(400, 400, "The request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new RegistryError(400, 400, "Malformed JSON request body: " + e.getOriginalMessage());
        }
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new RegistryError(405, 405, "HTTP 405 Method Not Allowed");
        }
    }

    private static int schemaId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RegistryError(404, 404, "HTTP 404 Not Found");
        }
    }

    /** Splits the raw path before decoding, so that an encoded '/' stays inside its subject name. */
    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(PercentEncoding.decode(raw));
            }
        }
        return segments;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(
                            PercentEncoding.decode(pair.substring(0, eq)),
                            PercentEncoding.decode(pair.substring(eq + 1)));
                } else if (!pair.isEmpty()) {
                    query.put(PercentEncoding.decode(pair), "true");
                }
            }
        }
        return query;
    }
}

package dev.sanctions.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * {@link SchemaRegistryClient} over the Confluent Schema Registry REST API (java.net.http).
 * Caches schema by id and id by (subject, schema): both are immutable in the registry, so the caches never expire.
 * Thread-safe.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private final ClientSettings settings;
    private final RegistryHttp http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

    private RestSchemaRegistryClient(ClientSettings settings) {
        this.settings = settings;
        this.http = new RegistryHttp(settings, json);
    }

    /**
     * Builds a client from Confluent-style configuration, see {@link RegistryClientConfig}.
     *
     * @throws org.apache.kafka.common.config.ConfigException when {@code schema.registry.url} is missing or a value is invalid
     */
    public static RestSchemaRegistryClient fromConfig(Map<String, ?> configs) {
        return new RestSchemaRegistryClient(ClientSettings.from(configs));
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode response = http.send(
                "POST",
                "/subjects/" + segment(subject) + "/versions",
                schemaBody(schema),
                "register schema " + schema.getFullName() + " under subject '" + subject + "'");
        int id = requiredInt(response, "id", "register");
        remember(key, id);
        return id;
    }

    @Override
    public int getId(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode response = http.send(
                "POST",
                "/subjects/" + segment(subject),
                schemaBody(schema),
                "look up schema " + schema.getFullName() + " under subject '" + subject + "'");
        int id = requiredInt(response, "id", "lookup");
        remember(key, id);
        return id;
    }

    @Override
    public Schema getById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode response = http.send("GET", "/schemas/ids/" + id, null, "fetch schema id " + id);
        Schema schema = parseSchema(response, "schema id " + id);
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous == null ? schema : previous;
    }

    @Override
    public RegisteredSchema getLatest(String subject) {
        JsonNode response = http.send(
                "GET",
                "/subjects/" + segment(subject) + "/versions/latest",
                null,
                "fetch the latest schema of subject '" + subject + "'");
        int id = requiredInt(response, "id", "latest version");
        Schema schema = schemasById.computeIfAbsent(id, i -> parseSchema(response, "schema id " + i));
        return new RegisteredSchema(subject, requiredInt(response, "version", "latest version"), id, schema);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        try {
            JsonNode response = http.send(
                    "POST",
                    "/compatibility/subjects/" + segment(subject) + "/versions/latest",
                    schemaBody(schema),
                    "test schema " + schema.getFullName() + " for compatibility with subject '" + subject + "'");
            return response.path("is_compatible").asBoolean(false);
        } catch (SchemaRegistryException e) {
            // Older registries answer "subject not found" where newer ones say compatible: nothing to break.
            if (e.errorCode() == 40401 || e.errorCode() == 40402) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public String getCompatibility(String subject) {
        if (subject == null) {
            return http.send("GET", "/config", null, "read the global compatibility level")
                    .path("compatibilityLevel")
                    .asText(null);
        }
        try {
            return http.send(
                            "GET",
                            "/config/" + segment(subject) + "?defaultToGlobal=true",
                            null,
                            "read the compatibility level of subject '" + subject + "'")
                    .path("compatibilityLevel")
                    .asText(null);
        } catch (SchemaRegistryException e) {
            // Registries that ignore defaultToGlobal report a subject without its own level as not found.
            if (e.errorCode() == 40401 || e.errorCode() == 40408) {
                return getCompatibility(null);
            }
            throw e;
        }
    }

    @Override
    public void setCompatibility(String subject, String level) {
        Objects.requireNonNull(level, "level");
        ObjectNode body = json.createObjectNode().put("compatibility", level);
        String path = subject == null ? "/config" : "/config/" + segment(subject);
        http.send(
                "PUT",
                path,
                body,
                "set the compatibility level of " + (subject == null ? "the registry" : "subject '" + subject + "'")
                        + " to " + level);
    }

    @Override
    public void close() {
        // java.net.http.HttpClient of Java 17 has nothing to close; drop the caches so a closed client holds no memory.
        schemasById.clear();
        idsBySubjectSchema.clear();
    }

    @Override
    public String toString() {
        return "schema registry at " + settings.describeUrls();
    }

    private void remember(SubjectSchema key, int id) {
        idsBySubjectSchema.putIfAbsent(key, id);
        schemasById.putIfAbsent(id, key.schema());
    }

    private ObjectNode schemaBody(Schema schema) {
        return json.createObjectNode().put("schema", schema.toString());
    }

    private Schema parseSchema(JsonNode response, String what) {
        String type = response.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new SchemaRegistryException(
                    200,
                    0,
                    "The registry holds a " + type + " schema for " + what
                            + ", not an Avro one. Check that this topic carries Avro records.");
        }
        JsonNode text = response.get("schema");
        if (text == null || !text.isTextual()) {
            throw new SchemaRegistryException(
                    200,
                    0,
                    "The registry's answer for " + what
                            + " has no \"schema\" field. Check that " + RegistryClientConfig.SCHEMA_REGISTRY_URL
                            + " points to a Confluent-compatible schema registry.");
        }
        try {
            return new Schema.Parser().parse(text.asText());
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException(
                    200, 0, "The registry returned an unreadable Avro schema for " + what + ": " + e.getMessage(), e);
        }
    }

    private static int requiredInt(JsonNode response, String field, String call) {
        JsonNode value = response.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new SchemaRegistryException(
                    200,
                    0,
                    "The registry's " + call + " answer has no \"" + field + "\" number: "
                            + RegistryHttp.abbreviate(response.toString()));
        }
        return value.asInt();
    }

    /** A subject as one URL path segment: '/' and spaces in subject names must not change the path. */
    static String segment(String subject) {
        Objects.requireNonNull(subject, "subject");
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record SubjectSchema(String subject, Schema schema) {}
}

package dev.sanctions.producer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/announcement.schema.json, which editors use to check files as they are written, agrees with {@code publish}:
 * every bundled example passes it, and every broken file of {@link ValidationRulesTest} that JSON Schema can describe
 * fails it. The few rules it cannot describe are named here and in the schema's description.
 */
class AnnouncementFileSchemaTest {

    private static final Path SCHEMA = Path.of("..", "docs", "announcement.schema.json");
    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Rules that need more than JSON Schema: the reader's duplicate-field check, the clock, the calendar. */
    private static final Set<String> BEYOND_JSON_SCHEMA =
            Set.of("duplicate field", "publishedAt in the future", "effectiveFrom an impossible date");

    private static JsonSchema schema() throws IOException {
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(SchemaLocation.of("classpath:announcement.schema.json"), JSON.readTree(in));
        }
    }

    static Stream<Path> exampleFiles() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Path> found = files.filter(
                            f -> f.toString().endsWith(".json") || f.toString().endsWith(".jsonl"))
                    .sorted()
                    .toList();
            assertThat(found).as("bundled examples").isNotEmpty();
            return found.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("exampleFiles")
    void everyBundledExamplePasses(Path example) throws IOException {
        JsonSchema schema = schema();
        List<String> documents = example.toString().endsWith(".jsonl")
                ? Files.readAllLines(example, StandardCharsets.UTF_8).stream()
                        .filter(line -> !line.isBlank())
                        .toList()
                : List.of(Files.readString(example, StandardCharsets.UTF_8));
        for (String document : documents) {
            Set<ValidationMessage> problems = schema.validate(JSON.readTree(document));
            assertThat(problems).as(example.toString()).isEmpty();
        }
    }

    @Test
    void theValidBaseFileOfTheRuleTestsPasses() throws IOException {
        assertThat(schema().validate(JSON.readTree(ValidationRulesTest.BASE))).isEmpty();
    }

    static Stream<ValidationRulesTest.Case> brokenFiles() {
        return ValidationRulesTest.cases()
                .map(arguments -> (ValidationRulesTest.Case) arguments.get()[0])
                .distinct();
    }

    @ParameterizedTest
    @MethodSource("brokenFiles")
    void aFileThatPublishRefusesFailsTheSchemaToo(ValidationRulesTest.Case rule) throws IOException {
        JsonNode broken = JSON.readTree(rule.edit().apply(ValidationRulesTest.BASE));

        Set<ValidationMessage> problems = schema().validate(broken);

        if (BEYOND_JSON_SCHEMA.contains(rule.name())) {
            assertThat(problems).as("a rule the schema says it cannot check").isEmpty();
        } else {
            assertThat(problems).as(rule.name()).isNotEmpty();
        }
    }
}

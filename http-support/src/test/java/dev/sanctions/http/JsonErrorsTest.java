package dev.sanctions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonErrorsTest {

    @Test
    void everyRefusalIsWrittenInTheShapeTheApiGives() {
        JsonErrors confluent = new JsonErrors(
                "application/vnd.schemaregistry.v1+json",
                refusal -> JsonNodeFactory.instance
                        .objectNode()
                        .put("error_code", refusal.status())
                        .put("message", refusal.getMessage()));
        JsonErrors processor = new JsonErrors(
                "application/json; charset=utf-8",
                refusal -> JsonNodeFactory.instance.objectNode().put("error", refusal.getMessage()));

        RequestRefused refusal = new RequestRefused(404, "no \"subject\" named é");

        assertThat(new String(confluent.body(refusal), StandardCharsets.UTF_8))
                .isEqualTo("{\"error_code\":404,\"message\":\"no \\\"subject\\\" named é\"}");
        assertThat(new String(processor.body(refusal), StandardCharsets.UTF_8))
                .isEqualTo("{\"error\":\"no \\\"subject\\\" named é\"}");
    }
}

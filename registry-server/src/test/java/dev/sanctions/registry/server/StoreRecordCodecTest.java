package dev.sanctions.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sanctions.registry.server.StoreRecord.CompatibilitySet;
import dev.sanctions.registry.server.StoreRecord.SchemaVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StoreRecordCodecTest {

    private final StoreRecordCodec codec = new StoreRecordCodec();

    @Test
    void schemaVersionsUseConfluentsKeyAndValue() {
        SchemaVersion version = new SchemaVersion("t-value", 2, 5, "\"string\"");
        StoreRecordCodec.Encoded encoded = codec.encode(version);
        assertThat(text(encoded.key()))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"t-value\",\"version\":2,\"magic\":1}");
        assertThat(text(encoded.value()))
                .isEqualTo(
                        "{\"subject\":\"t-value\",\"version\":2,\"id\":5,\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
        assertThat(codec.decode(encoded.key(), encoded.value())).contains(version);
    }

    @Test
    void configRecordsRoundTripForSubjectsAndGlobal() {
        for (CompatibilitySet set : new CompatibilitySet[] {
            new CompatibilitySet(null, CompatibilityLevel.FULL),
            new CompatibilitySet("t-value", CompatibilityLevel.NONE)
        }) {
            StoreRecordCodec.Encoded encoded = codec.encode(set);
            assertThat(codec.decode(encoded.key(), encoded.value())).contains(set);
        }
        assertThat(text(codec.encode(new CompatibilitySet(null, CompatibilityLevel.FULL))
                        .key()))
                .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
    }

    @Test
    void skipsWhatTheRegistryDoesNotActOn() {
        assertThat(codec.decode(bytes("{\"keytype\":\"NOOP\",\"magic\":0}"), bytes("{}")))
                .isEmpty();
        assertThat(codec.decode(bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}"), null))
                .isEmpty();
        assertThat(
                        codec.decode(
                                bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}"),
                                bytes(
                                        "{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"\\\"int\\\"\",\"deleted\":true}")))
                .isEmpty();
    }

    @Test
    void foreignRecordsAreReportedNotSkipped() {
        assertThatThrownBy(() -> codec.decode(bytes("not json"), bytes("{}")))
                .isInstanceOf(SchemaStoreException.class)
                .hasMessageContaining("used only by the schema registry");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.sanctions.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/**
 * Guards docs/guarantees.md at build time: today's schemas must stay compatible with the committed copies
 * (src/test/resources/v1, v2 where a schema has one, and v3), with the levels the registry enforces — BACKWARD_TRANSITIVE for announcements,
 * FULL_TRANSITIVE for states, notifications, rejections and receipts — and every enum must have a default.
 * An incompatible edit of a schema fails this test; a compatible one passes without touching it.
 */
class SchemaEvolutionTest {

    private static final Map<String, Schema> CURRENT = Map.of(
            "Announcement", Announcement.getClassSchema(),
            "DesignationState", DesignationState.getClassSchema(),
            "DesignationChange", DesignationChange.getClassSchema(),
            "RejectedAction", RejectedAction.getClassSchema(),
            "AnnouncedAction", AnnouncedAction.getClassSchema(),
            "AnnouncementReceipt", AnnouncementReceipt.getClassSchema());

    @Test
    void announcementsStayBackwardCompatibleWithV1() throws IOException {
        Map<String, Schema> v1 = v1();
        assertCompatible(CURRENT.get("Announcement"), v1.get("Announcement"), "today's Announcement reading v1 data");
        assertCompatible(
                CURRENT.get("AnnouncedAction"), v1.get("AnnouncedAction"), "today's AnnouncedAction reading v1 data");
    }

    @Test
    void statesNotificationsAndRejectionsStayFullyCompatibleWithV1() throws IOException {
        Map<String, Schema> v1 = v1();
        for (String name : List.of("DesignationState", "DesignationChange", "RejectedAction")) {
            assertCompatible(CURRENT.get(name), v1.get(name), "today's " + name + " reading v1 data");
            assertCompatible(v1.get(name), CURRENT.get(name), "a v1 " + name + " reader reading today's data");
        }
    }

    @Test
    void rejectionsStayFullyCompatibleWithV2() throws IOException {
        Schema v2 = v2RejectedAction();
        Schema current = CURRENT.get("RejectedAction");
        assertCompatible(current, v2, "today's RejectedAction reading v2 data");
        assertCompatible(v2, current, "a v2 RejectedAction reader reading today's data");
    }

    @Test
    void everySchemaStaysCompatibleWithV3AtItsLevel() throws IOException {
        Map<String, Schema> v3 = v3();
        assertCompatible(CURRENT.get("Announcement"), v3.get("Announcement"), "today's Announcement reading v3 data");
        assertCompatible(
                CURRENT.get("AnnouncedAction"), v3.get("AnnouncedAction"), "today's AnnouncedAction reading v3 data");
        for (String name : List.of("DesignationState", "DesignationChange", "RejectedAction", "AnnouncementReceipt")) {
            assertCompatible(CURRENT.get(name), v3.get(name), "today's " + name + " reading v3 data");
            assertCompatible(v3.get(name), CURRENT.get(name), "a v3 " + name + " reader reading today's data");
        }
    }

    @Test
    void aV1ReaderReadsASnapshotAsAnOrdinaryAnnouncementAndANewStateWithoutItsList() throws IOException {
        Map<String, Schema> v1 = v1();
        Schema v1Target = v1.get("Announcement")
                .getField("actions")
                .schema()
                .getElementType()
                .getField("target")
                .schema();

        assertThat(CURRENT.get("Announcement").getField("snapshot")).isNotNull();
        assertThat(v1.get("Announcement").getField("snapshot")).isNull();
        assertThat(v1.get("DesignationState").getField("list")).isNull();
        assertThat(v1Target.getField("birthPlaces")).isNull();
        assertThat(v1Target.getField("listedOn")).isNull();
    }

    @Test
    void aV1RejectionReaderReadsAV2ReasonAsUnknown() throws IOException {
        Schema v1 = v1().get("RejectedAction").getField("reason").schema();
        Schema v2 = v2RejectedAction().getField("reason").schema();

        assertThat(v2.getEnumSymbols()).contains("MISROUTED");
        assertThat(v1.getEnumSymbols()).doesNotContain("MISROUTED");
        assertThat(v1.getEnumDefault()).isEqualTo("UNKNOWN");
    }

    @Test
    void everyEnumHasADefaultSymbol() {
        List<String> missing = new ArrayList<>();
        CURRENT.values().forEach(schema -> collectEnumsWithoutDefault(schema, missing, new ArrayList<>()));
        assertThat(missing).as("enums without a default symbol").isEmpty();
    }

    @Test
    void theCheckRejectsAnIncompatibleChange() {
        Schema v1 = DesignationState.getClassSchema();
        Schema renamedField =
                new Schema.Parser().parse(v1.toString().replace("\"lastAnnouncementId\"", "\"lastAnnouncement\""));
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(renamedField, v1)
                        .getType())
                .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    private static void assertCompatible(Schema reader, Schema writer, String what) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        assertThat(result.getType())
                .as(what + ": " + result.getResult().getIncompatibilities())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    private static void collectEnumsWithoutDefault(Schema schema, List<String> missing, List<Schema> seen) {
        if (seen.contains(schema)) {
            return;
        }
        seen.add(schema);
        switch (schema.getType()) {
            case ENUM -> {
                if (schema.getEnumDefault() == null) {
                    missing.add(schema.getFullName());
                }
            }
            case RECORD -> schema.getFields().forEach(f -> collectEnumsWithoutDefault(f.schema(), missing, seen));
            case ARRAY -> collectEnumsWithoutDefault(schema.getElementType(), missing, seen);
            case UNION -> schema.getTypes().forEach(t -> collectEnumsWithoutDefault(t, missing, seen));
            default -> {}
        }
    }

    /** The committed v2 of RejectedAction (adds the reason MISROUTED), with the v1 types it refers to. */
    private static Schema v2RejectedAction() throws IOException {
        Schema.Parser parser = new Schema.Parser();
        for (String path : List.of("/v1/Announcement.avsc", "/v2/RejectedAction.avsc")) {
            try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream(path)) {
                parser.parse(in);
            }
        }
        return parser.getTypes().get("dev.sanctions.avro.RejectedAction");
    }

    /** The committed v3 schemas (list, snapshot, birthPlaces, listedOn, receipts), parsed in dependency order. */
    private static Map<String, Schema> v3() throws IOException {
        Schema.Parser parser = new Schema.Parser();
        Map<String, Schema> schemas = new HashMap<>();
        for (String name : List.of(
                "Announcement",
                "DesignationState",
                "RejectedAction",
                "DesignationChange",
                "AnnouncedAction",
                "AnnouncementReceipt")) {
            try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream("/v3/" + name + ".avsc")) {
                schemas.put(name, parser.parse(in));
            }
        }
        return schemas;
    }

    /** The committed v1 schemas, parsed in dependency order as the build parses them. */
    private static Map<String, Schema> v1() throws IOException {
        Schema.Parser parser = new Schema.Parser();
        Map<String, Schema> schemas = new HashMap<>();
        for (String name :
                List.of("Announcement", "DesignationState", "DesignationChange", "RejectedAction", "AnnouncedAction")) {
            try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream("/v1/" + name + ".avsc")) {
                schemas.put(name, parser.parse(in));
            }
        }
        return schemas;
    }
}

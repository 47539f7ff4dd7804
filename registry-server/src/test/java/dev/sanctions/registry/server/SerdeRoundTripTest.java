package dev.sanctions.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Address;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.ChangeType;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.DesignationStatus;
import dev.sanctions.avro.Identifier;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.avro.RejectionReason;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import dev.sanctions.registry.client.RestSchemaRegistryClient;
import dev.sanctions.registry.serde.SpecificAvroSerde;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every v1 event through serializer and deserializer, against the real server over HTTP. */
class SerdeRoundTripTest {

    private static final Instant PUBLISHED = Instant.parse("2022-04-08T01:00:00Z");

    private SchemaRegistryServer server;
    private RestSchemaRegistryClient client;

    @BeforeEach
    void start() throws IOException {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        client = RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", server.url()));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void announcementRoundTrips() {
        assertRoundTrip("sanctions.announcements", announcement());
    }

    @Test
    void designationStateRoundTrips() {
        assertRoundTrip("sanctions.designations", state(2, DesignationStatus.ACTIVE));
    }

    @Test
    void designationChangeRoundTrips() {
        DesignationChange change = DesignationChange.newBuilder()
                .setChangeId("jp-mofa-2022-04-08-ru#0")
                .setDesignationKey("JP-MOFA/RU-P-0425")
                .setAuthority("JP-MOFA")
                .setJurisdiction("JP")
                .setTargetId("RU-P-0425")
                .setChangeType(ChangeType.AMENDED)
                .setVersion(2)
                .setBefore(state(1, DesignationStatus.ACTIVE))
                .setAfter(state(2, DesignationStatus.ACTIVE))
                .setChangedFields(List.of("measures", "target.aliases"))
                .setAnnouncementId("jp-mofa-2022-04-08-ru")
                .setPublishedAt(PUBLISHED)
                .setEffectiveFrom("2022-04-12")
                .build();
        assertRoundTrip("sanctions.changes", change);
    }

    @Test
    void rejectedActionRoundTrips() {
        RejectedAction rejected = RejectedAction.newBuilder()
                .setAnnouncementId("jp-mofa-2022-04-08-ru")
                .setAuthority("JP-MOFA")
                .setJurisdiction("JP")
                .setPublishedAt(PUBLISHED)
                .setActionIndex(3)
                .setAction(ActionType.DELIST)
                .setDesignationKey("JP-MOFA/RU-P-0999")
                .setReason(RejectionReason.UNKNOWN_DESIGNATION)
                .setMessage("no designation JP-MOFA/RU-P-0999 to delist")
                .build();
        assertRoundTrip("sanctions.rejected", rejected);
    }

    @Test
    void eachTopicGetsItsSubjectAndEqualSchemasShareAnId() {
        assertRoundTrip("a", announcement());
        assertRoundTrip("b", announcement());
        assertThat(client.getLatest("a-value").id())
                .isEqualTo(client.getLatest("b-value").id());
    }

    private <T extends SpecificRecord> void assertRoundTrip(String topic, T record) {
        try (SpecificAvroSerde<T> serde = new SpecificAvroSerde<>()) {
            serde.configure(Map.of("schema.registry.url", server.url()), false);
            byte[] bytes = serde.serializer().serialize(topic, record);
            assertThat(bytes[0]).isZero();
            T back = serde.deserializer().deserialize(topic, bytes);
            assertThat(back).isEqualTo(record);
            assertThat(back.toString()).isEqualTo(record.toString());
        }
        assertThat(client.getLatest(topic + "-value").schema()).isEqualTo(record.getSchema());
    }

    private static Target target() {
        return Target.newBuilder()
                .setId("RU-P-0425")
                .setKind(TargetKind.PERSON)
                .setName("Ramzan Akhmatovich Kadyrov")
                .setAliases(List.of("Рамзан Ахматович Кадыров"))
                .setBirthDates(List.of("1976-10-05", "1976"))
                .setNationalities(List.of("RU"))
                .setPosition("Head of the Chechen Republic")
                .setIdentifiers(List.of(new Identifier("PASSPORT", "0000000", "RU"), new Identifier("TAX", "1", null)))
                .setAddresses(List.of(new Address("Grozny", "RU"), new Address(null, null)))
                .setRemarks("remark")
                .build();
    }

    private static List<Measure> measures() {
        return List.of(new Measure(MeasureType.ASSET_FREEZE, null), new Measure(MeasureType.TRAVEL_BAN, "entry ban"));
    }

    private static Announcement announcement() {
        Action designate = Action.newBuilder()
                .setAction(ActionType.DESIGNATE)
                .setTarget(target())
                .setMeasures(measures())
                .setPrograms(List.of("RUSSIA-UKRAINE"))
                .setReason("reason")
                .build();
        Action delist = Action.newBuilder()
                .setAction(ActionType.DELIST)
                .setTarget(Target.newBuilder().setId("RU-E-0001").build())
                .build();
        return Announcement.newBuilder()
                .setAnnouncementId("jp-mofa-2022-04-08-ru")
                .setAuthority("JP-MOFA")
                .setJurisdiction("JP")
                .setPublishedAt(PUBLISHED)
                .setEffectiveFrom("2022-04-12")
                .setTitle("Asset freeze on 25 individuals")
                .setSummary("summary")
                .setLegalBasis("Foreign Exchange and Foreign Trade Act")
                .setSourceUrl("https://www.mofa.go.jp/")
                .setActions(List.of(designate, delist))
                .build();
    }

    private static DesignationState state(long version, DesignationStatus status) {
        return DesignationState.newBuilder()
                .setDesignationKey("JP-MOFA/RU-P-0425")
                .setAuthority("JP-MOFA")
                .setJurisdiction("JP")
                .setTargetId("RU-P-0425")
                .setStatus(status)
                .setTarget(target())
                .setMeasures(measures())
                .setPrograms(List.of("RUSSIA-UKRAINE"))
                .setFirstDesignatedAt(PUBLISHED)
                .setLastChangedAt(PUBLISHED.plusSeconds(version))
                .setEffectiveFrom("2022-04-12")
                .setVersion(version)
                .setLastAnnouncementId("jp-mofa-2022-04-08-ru")
                .setLegalBasis("Foreign Exchange and Foreign Trade Act")
                .setSourceUrl("https://www.mofa.go.jp/")
                .build();
    }
}

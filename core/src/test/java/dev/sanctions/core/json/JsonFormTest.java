package dev.sanctions.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.DesignationStatus;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class JsonFormTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void writesTheSpecsJsonForm() {
        DesignationState state = DesignationState.newBuilder()
                .setDesignationKey("JP-MOFA/RU-P-0425")
                .setAuthority("JP-MOFA")
                .setJurisdiction("JP")
                .setTargetId("RU-P-0425")
                .setStatus(DesignationStatus.ACTIVE)
                .setTarget(Target.newBuilder()
                        .setId("RU-P-0425")
                        .setKind(TargetKind.PERSON)
                        .setName("Ramzan \"R\" Kadyrov\n")
                        .setAliases(List.of("Рамзан Ахматович Кадыров"))
                        .build())
                .setMeasures(List.of(
                        new Measure(MeasureType.ASSET_FREEZE, null), new Measure(MeasureType.TRAVEL_BAN, "entry ban")))
                .setPrograms(List.of("RUSSIA-UKRAINE"))
                .setFirstDesignatedAt(Instant.parse("2022-04-08T01:00:00Z"))
                .setLastChangedAt(Instant.parse("2022-04-08T01:00:00.250Z"))
                .setEffectiveFrom("2022-04-12")
                .setVersion(1)
                .setLastAnnouncementId("jp-mofa-2022-04-08-ru")
                .build();

        assertThat(JsonForm.of(state))
                .isEqualTo(
                        "{\"designationKey\":\"JP-MOFA/RU-P-0425\",\"authority\":\"JP-MOFA\",\"jurisdiction\":\"JP\","
                                + "\"targetId\":\"RU-P-0425\",\"status\":\"ACTIVE\",\"target\":{\"id\":\"RU-P-0425\",\"kind\":\"PERSON\","
                                + "\"name\":\"Ramzan \\\"R\\\" Kadyrov\\n\",\"aliases\":[\"Рамзан Ахматович Кадыров\"],\"birthDates\":null,"
                                + "\"birthPlaces\":null,\"nationalities\":null,\"position\":null,\"identifiers\":null,\"addresses\":null,"
                                + "\"remarks\":null,\"listedOn\":null},"
                                + "\"measures\":[{\"type\":\"ASSET_FREEZE\",\"detail\":null},{\"type\":\"TRAVEL_BAN\",\"detail\":\"entry ban\"}],"
                                + "\"programs\":[\"RUSSIA-UKRAINE\"],\"firstDesignatedAt\":\"2022-04-08T01:00:00Z\","
                                + "\"lastChangedAt\":\"2022-04-08T01:00:00.250Z\",\"effectiveFrom\":\"2022-04-12\",\"version\":1,"
                                + "\"lastAnnouncementId\":\"jp-mofa-2022-04-08-ru\",\"legalBasis\":null,\"sourceUrl\":null,\"list\":null}");
    }

    @Test
    void escapesWhatJsonMustEscapeAndJacksonReadsEveryTextBack() throws Exception {
        StringBuilder controlCharacters = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controlCharacters.append(c);
        }
        List<String> texts = List.of(
                controlCharacters.toString(),
                "a \"quoted\" name, a back\\slash and a /slash",
                "outside the BMP: \uD83D\uDE00 \uD842\uDFB7",
                "JavaScript's line breaks \u2028 and \u2029, DEL \u007F",
                "Рамзан Ахматович Кадыров, 金正恩");
        for (String text : texts) {
            String line = JsonForm.of(new Measure(MeasureType.ASSET_FREEZE, text));

            assertThat(line.chars()).as("no raw control character in %s", line).allMatch(c -> c >= 0x20);
            assertThat(JACKSON.readTree(line).get("detail").textValue()).isEqualTo(text);
        }
    }

    @Test
    void escapesQuotesBackslashesAndLineBreaksTheShortWay() {
        assertThat(JsonForm.of(new Measure(MeasureType.TRAVEL_BAN, "\"\\\n\r\t\u0001")))
                .isEqualTo("{\"type\":\"TRAVEL_BAN\",\"detail\":\"\\\"\\\\\\n\\r\\t\\u0001\"}");
    }

    @Property
    void jacksonReadsAnyTextBackUnchanged(@ForAll String text) throws Exception {
        String line = JsonForm.of(new Measure(MeasureType.ASSET_FREEZE, text));

        assertThat(JACKSON.readTree(line).get("detail").textValue()).isEqualTo(text);
    }
}

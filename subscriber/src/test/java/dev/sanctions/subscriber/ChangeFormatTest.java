package dev.sanctions.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sanctions.avro.ChangeType;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.DesignationStatus;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.core.json.JsonForm;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ChangeFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTheFormatNames() {
        assertThat(ChangeFormat.parse("table")).isEqualTo(ChangeFormat.TABLE);
        assertThat(ChangeFormat.parse("JSON")).isEqualTo(ChangeFormat.JSON);
        assertThatThrownBy(() -> ChangeFormat.parse("csv")).hasMessageContaining("'table' or 'json'");
    }

    @Test
    void jsonLinesAreTheSpecJsonFormOfTheNotification() throws Exception {
        DesignationChange change = Designations.change("JP-MOFA/RU-P-0425", "JP", 2);
        String line = ChangeFormat.JSON.changeLine(change);

        assertThat(line).isEqualTo(JsonForm.of(change)).doesNotContain("\n");
        JsonNode parsed = JSON.readTree(line);
        assertThat(parsed.get("changeType").asText()).isEqualTo("AMENDED");
        assertThat(parsed.get("version").asLong()).isEqualTo(2);
        assertThat(parsed.get("publishedAt").asText()).isEqualTo("2022-04-08T03:00:00Z");
        assertThat(parsed.get("after").get("measures").get(0).get("type").asText())
                .isEqualTo("ASSET_FREEZE");
        assertThat(ChangeFormat.JSON.header()).isEmpty();
    }

    @Test
    void jsonSnapshotLinesAreTheStateItself() throws Exception {
        DesignationState state = Designations.state("JP-MOFA/RU-P-0425", "JP", 3, "Ramzan Kadyrov");
        String line = ChangeFormat.JSON.snapshotLine(state);

        assertThat(line).isEqualTo(JsonForm.of(state));
        assertThat(JSON.readTree(line).has("changeId")).isFalse();
    }

    @Test
    void tableColumnsStartAtTheSamePlaceWhateverTheContent() {
        DesignationState shortOne = Designations.state("UN-SC/X", "UN", 1, "Al");
        DesignationState longOne = Designations.state(
                "JP-MOFA/" + "R".repeat(60),
                "JP",
                12345,
                "Ramzan Akhmatovich Kadyrov, Head of the Chechen Republic and more");
        DesignationState wide = Designations.state("JP-METI/E-1", "JP", 2, "株式会社ロシア輸出入公団テスト名称");
        DesignationState delisted = DesignationState.newBuilder(shortOne)
                .setStatus(DesignationStatus.DELISTED)
                .setMeasures(List.of())
                .build();
        DesignationChange designated = Designations.change("EU-COUNCIL/E-7", "EU", 1);

        List<String> lines = Stream.of(
                        ChangeFormat.TABLE.header().orElseThrow(),
                        ChangeFormat.TABLE.snapshotLine(shortOne),
                        ChangeFormat.TABLE.snapshotLine(longOne),
                        ChangeFormat.TABLE.snapshotLine(wide),
                        ChangeFormat.TABLE.snapshotLine(delisted),
                        ChangeFormat.TABLE.changeLine(designated))
                .toList();

        String header = lines.get(0);
        List<Integer> starts = Stream.of("KEY", "NAME", "CHANGED", "SINCE", "EFFECTIVE", "FIELDS", "MEASURES")
                .map(title -> DisplayText.cells(header.substring(0, header.indexOf(title))))
                .toList();
        for (String line : lines) {
            for (int start : starts) {
                assertThat(slice(line, start - 2, start))
                        .as("two spaces before cell %d of %s", start, line)
                        .isEqualTo("  ");
                assertThat(slice(line, start, start + 1))
                        .as("text at cell %d of %s", start, line)
                        .isNotBlank();
            }
            assertThat(slice(line, starts.get(0) - 3, starts.get(0) - 2))
                    .as("version right-aligned in " + line)
                    .matches("[0-9N]");
        }
        assertThat(slice(lines.get(3), starts.get(1), starts.get(1) + 28).strip())
                .isEqualTo("株式会社ロシア輸出入公団テ…");
        assertThat(lines.get(1)).startsWith("SNAPSHOT").endsWith("ASSET_FREEZE");
        assertThat(lines.get(2)).contains("12345").contains("…");
        assertThat(lines.get(4)).endsWith("(delisted)");
        assertThat(lines.get(5))
                .startsWith("DESIGNATED")
                .contains("EU-COUNCIL/E-7")
                .contains("2022-04-12");
    }

    @Test
    void measureTypesAreListedOnceEachInTheStatesOrder() {
        DesignationState state = DesignationState.newBuilder(Designations.state("US-OFAC/V-1", "US", 1, "Vessel"))
                .setMeasures(List.of(
                        new Measure(MeasureType.ASSET_FREEZE, null),
                        new Measure(MeasureType.EXPORT_BAN, "dual-use"),
                        new Measure(MeasureType.EXPORT_BAN, "oil")))
                .build();
        DesignationChange change = DesignationChange.newBuilder(Designations.change(state))
                .setChangeType(ChangeType.DELISTED)
                .build();

        assertThat(ChangeFormat.TABLE.changeLine(change)).startsWith("DELISTED").endsWith("ASSET_FREEZE, EXPORT_BAN");
    }

    @Test
    void controlCharactersInANameDoNotBreakTheRow() {
        DesignationState state = Designations.state("UN-SC/Q", "UN", 1, "Line one\nLine two");
        assertThat(ChangeFormat.TABLE.snapshotLine(state)).doesNotContain("\n").contains("Line one Line two");
    }

    private static final String HEADER =
            "TYPE        VERSION  KEY                         NAME                          CHANGED     SINCE       EFFECTIVE   FIELDS                    MEASURES";
    private static final String KADYROV = "Ramzan Akhmatovich Kadyrov";
    private static final String KADYROV_RU = "Рамзан Ахматович Кадыров, Глава Чеченской Республики";

    /** Kadyrov's designation, first listed on 25 February, as amended on 8 March: a travel ban added. */
    private static DesignationChange travelBanAdded(String name) {
        DesignationState before = DesignationState.newBuilder(Designations.state("JP-MOFA/RU-P-0425", "JP", 1, name))
                .setFirstDesignatedAt(Instant.parse("2022-02-25T12:00:00Z"))
                .setLastChangedAt(Instant.parse("2022-02-25T12:00:00Z"))
                .setEffectiveFrom("2022-02-25")
                .build();
        DesignationState after = DesignationState.newBuilder(before)
                .setVersion(2)
                .setMeasures(List.of(
                        new Measure(MeasureType.ASSET_FREEZE, null), new Measure(MeasureType.TRAVEL_BAN, "entry ban")))
                .setLastChangedAt(Instant.parse("2022-03-08T01:00:00Z"))
                .setEffectiveFrom("2022-03-08T00:00:00+09:00")
                .build();
        return DesignationChange.newBuilder(Designations.change(after))
                .setBefore(before)
                .setChangedFields(List.of("measures"))
                .build();
    }

    @Test
    void aChangeRowShowsTheChangedFieldsTheMeasuresBeforeAndAfterAndTheDateOfFirstDesignation() {
        assertThat(List.of(
                        ChangeFormat.TABLE.header().orElseThrow(),
                        ChangeFormat.TABLE.changeLine(travelBanAdded(KADYROV))))
                .containsExactly(
                        HEADER,
                        "AMENDED           2  JP-MOFA/RU-P-0425           Ramzan Akhmatovich Kadyrov    2022-03-08  2022-02-25  2022-03-08  measures                  ASSET_FREEZE → ASSET_FREEZE, TRAVEL_BAN");
    }

    @Test
    void aLongCyrillicNameIsCutToItsColumnAndShownWholeWhenWide() {
        DesignationChange change = travelBanAdded(KADYROV_RU);

        assertThat(ChangeFormat.TABLE.changeLine(change))
                .isEqualTo(
                        "AMENDED           2  JP-MOFA/RU-P-0425           Рамзан Ахматович Кадыров, Г…  2022-03-08  2022-02-25  2022-03-08  measures                  ASSET_FREEZE → ASSET_FREEZE, TRAVEL_BAN");
        assertThat(new ChangeFormat(new Layout(false, true)).changeLine(change))
                .isEqualTo(
                        "AMENDED           2  JP-MOFA/RU-P-0425           Рамзан Ахматович Кадыров, Глава Чеченской Республики  2022-03-08T01:00:00Z  2022-02-25T12:00:00Z  2022-03-08T00:00:00+09:00  measures                  ASSET_FREEZE → ASSET_FREEZE, TRAVEL_BAN");
    }

    @Test
    void aJapaneseNameIsCutByDisplayWidthNotByCharacters() {
        DesignationState state = Designations.state("JP-METI/E-1", "JP", 1, "株式会社ロシア輸出入公団テスト名称");

        assertThat(ChangeFormat.TABLE.snapshotLine(state))
                .isEqualTo(
                        "SNAPSHOT          1  JP-METI/E-1                 株式会社ロシア輸出入公団テ…   2022-04-08  2022-04-08  2022-04-12  -                         ASSET_FREEZE");
    }

    @Test
    void aStateRowStartsWithItsStatus() {
        ChangeFormat table = ChangeFormat.TABLE;
        DesignationState state = travelBanAdded(KADYROV).getAfter();
        DesignationState stated = DesignationState.newBuilder(state)
                .setEffectiveFrom("2022-03-08")
                .build();

        assertThat(List.of(table.stateHeader().orElseThrow(), table.stateLine(stated)))
                .containsExactly(
                        HEADER.replace("TYPE  ", "STATUS"),
                        "ACTIVE            2  JP-MOFA/RU-P-0425           Ramzan Akhmatovich Kadyrov    2022-03-08  2022-02-25  2022-03-08  -                         ASSET_FREEZE, TRAVEL_BAN");
        assertThat(ChangeFormat.JSON.stateLine(stated)).isEqualTo(JsonForm.of(stated));
        assertThat(ChangeFormat.JSON.stateHeader()).isEmpty();
    }

    @Test
    void historyRowsReadEachVersionAsTheChangeFromTheOneBefore() {
        DesignationState v1 = DesignationState.newBuilder(
                        Designations.state("EU-COUNCIL/EU.1.22", "EU", 1, "Vladimir Vladimirovich Putin"))
                .setFirstDesignatedAt(Instant.parse("2022-02-25T18:00:00Z"))
                .setLastChangedAt(Instant.parse("2022-02-25T18:00:00Z"))
                .setEffectiveFrom("2022-02-25")
                .build();
        DesignationState v2 = version(
                v1,
                "2022-03-15",
                DesignationStatus.ACTIVE,
                List.of(new Measure(MeasureType.ASSET_FREEZE, null), new Measure(MeasureType.TRAVEL_BAN, null)));
        DesignationState v3 = version(v2, "2023-01-10", DesignationStatus.DELISTED, List.of());
        DesignationState v4 = version(
                v3, "2023-06-01", DesignationStatus.ACTIVE, List.of(new Measure(MeasureType.ASSET_FREEZE, "oil")));
        DesignationState v5 = version(
                v4, "2023-07-01", DesignationStatus.ACTIVE, List.of(new Measure(MeasureType.ASSET_FREEZE, "gas")));
        ChangeFormat table = ChangeFormat.TABLE;

        assertThat(List.of(
                        table.historyLine(null, v1),
                        table.historyLine(v1, v2),
                        table.historyLine(v2, v3),
                        table.historyLine(v3, v4),
                        table.historyLine(v4, v5)))
                .containsExactly(
                        "DESIGNATED        1  EU-COUNCIL/EU.1.22          Vladimir Vladimirovich Putin  2022-02-25  2022-02-25  2022-02-25  -                         ASSET_FREEZE",
                        "AMENDED           2  EU-COUNCIL/EU.1.22          Vladimir Vladimirovich Putin  2022-03-15  2022-02-25  2022-03-15  measures                  ASSET_FREEZE → ASSET_FREEZE, TRAVEL_BAN",
                        "DELISTED          3  EU-COUNCIL/EU.1.22          Vladimir Vladimirovich Putin  2023-01-10  2022-02-25  2023-01-10  measures, status          ASSET_FREEZE, TRAVEL_BAN → (delisted)",
                        "DESIGNATED        4  EU-COUNCIL/EU.1.22          Vladimir Vladimirovich Putin  2023-06-01  2022-02-25  2023-06-01  measures, status          (delisted) → ASSET_FREEZE",
                        "AMENDED           5  EU-COUNCIL/EU.1.22          Vladimir Vladimirovich Putin  2023-07-01  2022-02-25  2023-07-01  measures                  ASSET_FREEZE (oil) → ASSET_FREEZE (gas)");
        assertThat(ChangeFormat.JSON.historyLine(v1, v2)).isEqualTo(JsonForm.of(v2));
    }

    @Test
    void longMeasureDetailsAreCutUnlessWide() {
        String then = "crypto-asset exchange service providers asked not to process transfers";
        String now = "statutory: the amended Foreign Exchange and Foreign Trade Act";
        DesignationState before = DesignationState.newBuilder(Designations.state("JP-MOFA/RU-S-1", "JP", 1, "Crypto"))
                .setMeasures(List.of(new Measure(MeasureType.CRYPTO_ASSET_BAN, then)))
                .build();
        DesignationState after = version(
                before,
                "2022-04-20",
                DesignationStatus.ACTIVE,
                List.of(new Measure(MeasureType.CRYPTO_ASSET_BAN, now)));

        assertThat(ChangeFormat.TABLE.historyLine(before, after))
                .endsWith("  measures                  CRYPTO_ASSET_BAN (crypto-asset exchange s…)"
                        + " → CRYPTO_ASSET_BAN (statutory: the amended …)");
        assertThat(new ChangeFormat(new Layout(false, true)).historyLine(before, after))
                .endsWith("CRYPTO_ASSET_BAN (" + then + ") → CRYPTO_ASSET_BAN (" + now + ")");
    }

    private static DesignationState version(
            DesignationState before, String date, DesignationStatus status, List<Measure> measures) {
        Instant at = Instant.parse(date + "T09:00:00Z");
        return DesignationState.newBuilder(before)
                .setVersion(before.getVersion() + 1)
                .setStatus(status)
                .setMeasures(measures)
                .setLastChangedAt(at)
                .setEffectiveFrom(date)
                .build();
    }

    @Test
    void wideTakesTheFormatsNamesAsTheTableDoes() {
        assertThat(new ChangeFormat(Layout.parse("TABLE", true)).layout()).isEqualTo(new Layout(false, true));
        assertThat(ChangeFormat.parse("json")).isEqualTo(ChangeFormat.JSON);
    }

    /** The text between two terminal cells of a line; "?" when a wide character straddles a boundary. */
    private static String slice(String line, int from, int to) {
        StringBuilder out = new StringBuilder();
        int cell = 0;
        for (int i = 0; i < line.length() && cell < to; ) {
            int codePoint = line.codePointAt(i);
            int width = DisplayText.cells(new String(Character.toChars(codePoint)));
            if (cell >= from && cell + width <= to) {
                out.appendCodePoint(codePoint);
            } else if (cell < to && cell + width > from) {
                return "?";
            }
            cell += width;
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }
}

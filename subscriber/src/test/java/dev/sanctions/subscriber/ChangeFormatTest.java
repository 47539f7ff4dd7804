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
        List<Integer> starts = Stream.of("KEY", "NAME", "EFFECTIVE", "MEASURES")
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
        assertThat(slice(lines.get(3), starts.get(1), starts.get(2)).strip()).isEqualTo("株式会社ロシア輸出入公団テスト…");
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

        assertThat(ChangeFormat.TABLE.changeLine(change)).startsWith("DELISTED").endsWith("ASSET_FREEZE,EXPORT_BAN");
    }

    @Test
    void controlCharactersInANameDoNotBreakTheRow() {
        DesignationState state = Designations.state("UN-SC/Q", "UN", 1, "Line one\nLine two");
        assertThat(ChangeFormat.TABLE.snapshotLine(state)).doesNotContain("\n").contains("Line one Line two");
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

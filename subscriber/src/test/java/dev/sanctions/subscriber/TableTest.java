package dev.sanctions.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sanctions.subscriber.Table.Column;
import org.junit.jupiter.api.Test;

class TableTest {

    private static Table table(boolean wide) {
        return Table.of(wide, Column.left("NAME", 8), Column.right("N", 3), Column.free("NOTE"));
    }

    @Test
    void columnsArePaddedToTheirWidthTwoSpacesApartAndTheLastIsFree() {
        Table table = table(false);

        assertThat(table.header()).isEqualTo("NAME        N  NOTE");
        assertThat(table.row("Al", "7", "a note as long as it likes to be"))
                .isEqualTo("Al          7  a note as long as it likes to be");
        assertThat(table.row("Al", "1234", "")).isEqualTo("Al        1234");
    }

    @Test
    void longTextIsCutWithAnEllipsisCountingWideCharactersAsTwoCells() {
        Table table = table(false);

        assertThat(table.row("Alexander", "1", "x")).isEqualTo("Alexand…    1  x");
        assertThat(table.row("Александр", "1", "x")).isEqualTo("Алексан…    1  x");
        assertThat(table.row("東京都千代田区", "1", "x")).isEqualTo("東京都…     1  x");
    }

    @Test
    void wideNeverCutsButStillPadsShortText() {
        Table table = table(true);

        assertThat(table.row("Alexander the Great", "1", "x")).isEqualTo("Alexander the Great    1  x");
        assertThat(table.row("Al", "1", "x")).isEqualTo("Al          1  x");
    }

    @Test
    void controlCharactersAndAbsentValuesKeepTheRowOnOneLine() {
        Table table = table(false);

        assertThat(table.row("a\tb", null, "line\nbreak")).isEqualTo("a b         -  line break");
    }

    @Test
    void aRowMustHaveOneTextPerColumn() {
        assertThatThrownBy(() -> table(false).row("only one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 cells, got 1");
    }
}

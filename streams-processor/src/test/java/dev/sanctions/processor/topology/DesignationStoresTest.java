package dev.sanctions.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DesignationStoresTest {

    @Test
    void historyKeysSortByVersionAndStayWithinTheirDesignation() {
        String nine = DesignationStores.historyKey("JP-MOFA/A", 9);
        String ten = DesignationStores.historyKey("JP-MOFA/A", 10);
        assertThat(nine.compareTo(ten)).isNegative();
        assertThat(ten).startsWith("JP-MOFA/A\u0000");
        assertThat(DesignationStores.historyKey("JP-MOFA/AB", 1)).doesNotStartWith("JP-MOFA/A\u0000");
    }
}

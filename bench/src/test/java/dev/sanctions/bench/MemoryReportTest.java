package dev.sanctions.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemoryReportTest {

    @Test
    void aReportSurvivesTheTripThroughTheChildsOutput() {
        MemoryReport report = new MemoryReport(200L << 20, 60L << 20, 700L << 20, 720L << 20, 512L << 20);

        assertThat(MemoryReport.parse(report.line())).isEqualTo(report);
    }

    @Test
    void procStatusValuesAreReadInKilobytes() {
        String status = "Name:\tjava\nVmPeak:\t 5000000 kB\nVmHWM:\t  812345 kB\nVmRSS:\t  700001 kB\n";

        assertThat(MemoryReport.procKilobytes(status, "VmRSS")).isEqualTo(700_001);
        assertThat(MemoryReport.procKilobytes(status, "VmHWM")).isEqualTo(812_345);
        assertThat(MemoryReport.procKilobytes(status, "VmSwap")).isEqualTo(-1);
    }

    @Test
    void anIncompleteReportIsRefused() {
        assertThatThrownBy(() -> MemoryReport.parse("MEMORY peak_heap=1 rss=2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MemoryReport.parse("READY 100")).isInstanceOf(IllegalArgumentException.class);
    }
}

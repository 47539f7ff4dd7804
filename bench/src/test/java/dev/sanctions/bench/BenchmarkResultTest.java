package dev.sanctions.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkResultTest {

    private static final List<String> SPEC_FIELDS = List.of(
            "raw_produce_records_per_s",
            "raw_record_bytes",
            "raw_consume_records_per_s",
            "pipeline_actions_per_s",
            "throughput_ratio",
            "latency_p50_ms",
            "latency_p99_ms",
            "latency_max_ms",
            "replay_actions_per_s",
            "replay_ratio",
            "snapshot_designations_per_s",
            "processor_peak_heap_mb",
            "processor_rss_mb",
            "actions",
            "designations",
            "kafka_version",
            "java_version",
            "cores");

    @Test
    void jsonHasEveryFieldOfSpecSection9() throws Exception {
        JsonNode json = new ObjectMapper().readTree(result(150_000, 100_000).toJson());

        for (String field : SPEC_FIELDS) {
            assertThat(json.has(field)).as(field).isTrue();
            assertThat(json.get(field).isNull()).as(field).isFalse();
        }
        assertThat(json.get("actions").asLong()).isEqualTo(200_000);
        assertThat(json.get("kafka_version").asText()).isEqualTo("4.4.0");
        assertThat(json.get("cores").asInt()).isEqualTo(2);
    }

    @Test
    void ratiosAreAgainstTheRawFiguresOfTheSameRun() throws Exception {
        BenchmarkResult result = result(150_000, 100_000);
        JsonNode json = new ObjectMapper().readTree(result.toJson());

        // pipeline median 40,000 / raw produce median 160,000; replay 250,000 / raw consume median 500,000
        assertThat(result.throughputRatio()).isEqualTo(0.25);
        assertThat(json.get("throughput_ratio").asDouble()).isEqualTo(0.25);
        assertThat(json.get("replay_ratio").asDouble()).isEqualTo(0.5);
        assertThat(json.get("snapshot_ratio").asDouble()).isEqualTo(0.2);
        // The consumer in the benchmark's own JVM is shown, not compared with: the reads run in JVMs of their own.
        assertThat(json.get("raw_consume_bench_jvm_records_per_s").asDouble()).isEqualTo(450_000);
        assertThat(json.get("reads_jvm_xmx_mb").asLong()).isEqualTo(2048);
        assertThat(json.get("spread")
                        .get("raw_produce_records_per_s")
                        .get("min")
                        .asDouble())
                .isEqualTo(150_000);
        assertThat(json.get("spread").get("raw_produce_records_per_s").get("runs"))
                .hasSize(3);
        assertThat(json.get("spread").get("replay_actions_per_s").get("max").asDouble())
                .isEqualTo(260_000);
        assertThat(json.get("spread")
                        .get("snapshot_designations_per_s")
                        .get("min")
                        .asDouble())
                .isEqualTo(90_000);
    }

    @Test
    void theTunedProducerIsReportedBesideTheDefaultOne() throws Exception {
        BenchmarkResult result = result(150_000, 100_000);
        JsonNode json = new ObjectMapper().readTree(result.toJson());

        // pipeline median 40,000 / tuned raw produce median 320,000; the targets keep the default producer
        assertThat(json.get("raw_produce_tuned_records_per_s").asDouble()).isEqualTo(320_000);
        assertThat(json.get("tuned_throughput_ratio").asDouble()).isEqualTo(0.125);
        assertThat(json.get("targets").get("throughput_ratio").get("value").asDouble())
                .isEqualTo(0.25);
        assertThat(json.get("spread").get("raw_produce_tuned_records_per_s").get("runs"))
                .hasSize(3);
        assertThat(result.table()).contains("320,000 rec/s (300,000-340,000)", "0.125 of tuned produce");
    }

    @Test
    void targetsAreJudgedOnTheFigures() throws Exception {
        JsonNode targets =
                new ObjectMapper().readTree(result(150_000, 100_000).toJson()).get("targets");

        assertThat(targets.get("throughput_ratio").get("met").asBoolean()).isTrue();
        assertThat(targets.get("replay_ratio").get("met").asBoolean()).isTrue();
        assertThat(targets.get("snapshot_ratio").get("met").asBoolean()).isFalse();
        assertThat(targets.get("latency_p99_ms").get("met").asBoolean()).isFalse();
        assertThat(targets.get("latency_p99_ms").get("target").asText()).isEqualTo("<= 100");
        assertThat(targets.get("processor_peak_heap_mb").get("met").asBoolean()).isTrue();
    }

    @Test
    void importFiguresAreInTheJsonWithTheirTargets() throws Exception {
        JsonNode json = new ObjectMapper().readTree(result(150_000, 100_000).toJson());

        // 20,000 entries in 8 s to the receipt; the second edition in 2.5 s
        assertThat(json.get("import_entries_per_s").asDouble()).isEqualTo(2_500);
        assertThat(json.get("snapshot_apply_s").asDouble()).isEqualTo(8);
        assertThat(json.get("snapshot_second_edition_s").asDouble()).isEqualTo(2.5);
        assertThat(json.get("import_second_edition").get("amended").asInt()).isEqualTo(1_000);
        assertThat(json.get("targets").get("snapshot_apply_s").get("met").asBoolean())
                .isTrue();
        assertThat(json.get("targets")
                        .get("snapshot_second_edition_s")
                        .get("target")
                        .asText())
                .isEqualTo("<= 3");
    }

    @Test
    void importTargetsDoNotApplyWithoutAnImportPhase() throws Exception {
        BenchmarkResult measured = result(150_000, 100_000);
        BenchmarkResult without = new BenchmarkResult(
                measured.workload(),
                measured.throughput(),
                measured.latency(),
                measured.reads(),
                measured.processor(),
                BenchmarkResult.Imports.none(),
                measured.environment(),
                true,
                420);
        JsonNode json = new ObjectMapper().readTree(without.toJson());

        assertThat(json.get("import_entries_per_s").isNull()).isTrue();
        assertThat(json.get("targets").get("snapshot_apply_s").get("met").isNull())
                .isTrue();
        assertThat(without.table())
                .contains("n/a (not measured)", "not measured (--import-entries 0)")
                .doesNotContain("NaN");
    }

    @Test
    void heapTargetDoesNotApplyBelowOneHundredThousandDesignations() throws Exception {
        JsonNode targets =
                new ObjectMapper().readTree(result(150_000, 99_999).toJson()).get("targets");

        assertThat(targets.get("processor_peak_heap_mb").get("met").isNull()).isTrue();
    }

    @Test
    void aFigureThatCouldNotBeComputedIsNull() throws Exception {
        JsonNode json = new ObjectMapper().readTree(result(Double.NaN, 100_000).toJson());

        assertThat(json.get("realistic_pipeline_actions_per_s").isNull()).isTrue();
        assertThat(json.get("realistic_throughput_ratio").isNull()).isTrue();
    }

    @Test
    void tableShowsFiguresRatiosAndVerdicts() {
        String table = result(150_000, 100_000).table();

        assertThat(table)
                .contains(
                        "40,000 actions/s (39,000-41,000)",
                        "0.250 of raw produce",
                        ">= 0.25 met",
                        "120.0 / 180.0 / 300.0 ms",
                        "<= 100 MISSED",
                        "0.500 of raw consume");
    }

    private static BenchmarkResult result(double realisticRate, long designations) {
        return new BenchmarkResult(
                new BenchmarkResult.Workload(
                        200_000,
                        designations,
                        460_000,
                        230_000,
                        Map.of("designation", 276_000L, "amendment", 92_000L),
                        3,
                        10_000,
                        1_000,
                        7),
                new BenchmarkResult.Throughput(
                        Spread.of(160_000, 150_000, 170_000),
                        Spread.of(320_000, 300_000, 340_000),
                        Spread.of(500_000, 480_000, 520_000),
                        Spread.of(450_000, 430_000, 470_000),
                        435,
                        Spread.of(40_000, 39_000, 41_000),
                        200_000,
                        25.1,
                        realisticRate),
                new BenchmarkResult.Latency(120, 180, 300, 20_000, 1_000, 999.5, 20, LatencyProbe.PRODUCER),
                new BenchmarkResult.Reads(
                        460_000,
                        Spread.of(240_000, 250_000, 260_000),
                        designations,
                        420_000,
                        2048,
                        Spread.of(100_000, 90_000, 110_000)),
                new BenchmarkResult.ProcessorFigures(200, 60, 700, 720, 512, 100, List.of("-Xmx512m")),
                new BenchmarkResult.Imports(
                        20_000,
                        0.05,
                        8,
                        2.5,
                        3,
                        1,
                        Map.of("designated", 20_000),
                        Map.of("amended", 1_000, "unchanged", 19_000)),
                new BenchmarkResult.Environment("4.4.0", "17.0.15", 2, "Linux amd64"),
                true,
                420);
    }
}

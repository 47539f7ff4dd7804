package dev.sanctions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.DesignationStatus;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import dev.sanctions.core.json.JsonForm;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code state get|list|history --format table [--wide]} against a stand-in for the processor's HTTP API. */
class StateTableTest {

    private static final String KEY = "JP-MOFA/RU-P-0425";
    private static final String NAME = "Рамзан Ахматович Кадыров, Глава Чеченской Республики";
    private static final String HEADER =
            "  VERSION  KEY                         NAME                          CHANGED     SINCE       EFFECTIVE   FIELDS                    MEASURES";

    private static final DesignationState V1 = DesignationState.newBuilder()
            .setDesignationKey(KEY)
            .setAuthority("JP-MOFA")
            .setJurisdiction("JP")
            .setTargetId("RU-P-0425")
            .setStatus(DesignationStatus.ACTIVE)
            .setTarget(Target.newBuilder()
                    .setId("RU-P-0425")
                    .setKind(TargetKind.PERSON)
                    .setName(NAME)
                    .setAliases(List.of("Ramzan Kadyrov"))
                    .build())
            .setMeasures(List.of(new Measure(MeasureType.ASSET_FREEZE, null)))
            .setPrograms(List.of("RUSSIA-UKRAINE"))
            .setFirstDesignatedAt(Instant.parse("2022-02-25T01:00:00Z"))
            .setLastChangedAt(Instant.parse("2022-02-25T01:00:00Z"))
            .setEffectiveFrom("2022-02-25")
            .setVersion(1)
            .setLastAnnouncementId("jp-mofa-2022-02-25")
            .build();
    private static final DesignationState V2 = DesignationState.newBuilder(V1)
            .setMeasures(List.of(
                    new Measure(MeasureType.ASSET_FREEZE, null), new Measure(MeasureType.TRAVEL_BAN, "entry ban")))
            .setLastChangedAt(Instant.parse("2022-03-08T01:00:00Z"))
            .setEffectiveFrom("2022-03-08")
            .setVersion(2)
            .setLastAnnouncementId("jp-mofa-2022-03-08")
            .build();

    private HttpServer processor;
    private String url;

    @BeforeEach
    void startProcessorStandIn() throws IOException {
        Map<String, String> answers = Map.of(
                "/designations/JP-MOFA%2FRU-P-0425", JsonForm.of(V2),
                "/designations/JP-MOFA%2FRU-P-0425/history", JsonForm.of(V1) + "\n" + JsonForm.of(V2) + "\n",
                "/designations", JsonForm.of(V2) + "\n");
        processor = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        processor.createContext("/", exchange -> {
            String answer = answers.get(exchange.getRequestURI().getRawPath());
            byte[] body =
                    (answer == null ? "{\"error\":\"no such designation\"}" : answer).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        processor.start();
        url = "http://127.0.0.1:" + processor.getAddress().getPort();
    }

    @AfterEach
    void stopProcessorStandIn() {
        processor.stop(0);
    }

    @Test
    void getPrintsJsonByDefaultAsTheProcessorAnswered() {
        CliRun run = CliRun.of("state", "get", KEY, "--http-url", url);

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo(JsonForm.of(V2) + "\n");
    }

    @Test
    void getAndListPrintTheStateAsATableWithTheStatusFirst() {
        List<String> expected = List.of(
                "STATUS    " + HEADER,
                "ACTIVE            2  JP-MOFA/RU-P-0425           Рамзан Ахматович Кадыров, Г…  2022-03-08  2022-02-25  2022-03-08  -                         ASSET_FREEZE, TRAVEL_BAN");

        CliRun get = CliRun.of("state", "get", KEY, "--http-url", url, "--format", "table");
        CliRun list = CliRun.of("state", "list", "--http-url", url, "--format", "TABLE");

        assertThat(get.code()).as(get.err()).isZero();
        assertThat(get.out().lines()).containsExactlyElementsOf(expected);
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out().lines()).containsExactlyElementsOf(expected);
    }

    @Test
    void historyShowsWhatEachVersionChangedAndWideShowsTheWholeName() {
        CliRun history = CliRun.of("state", "history", KEY, "--http-url", url, "--format", "table", "--wide");

        assertThat(history.code()).as(history.err()).isZero();
        assertThat(history.out().lines())
                .containsExactly(
                        "TYPE      " + HEADER,
                        "DESIGNATED        1  JP-MOFA/RU-P-0425           " + NAME
                                + "  2022-02-25T01:00:00Z  2022-02-25T01:00:00Z  2022-02-25  -                         ASSET_FREEZE",
                        "AMENDED           2  JP-MOFA/RU-P-0425           " + NAME
                                + "  2022-03-08T01:00:00Z  2022-02-25T01:00:00Z  2022-03-08  measures                  ASSET_FREEZE → ASSET_FREEZE, TRAVEL_BAN");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun run = CliRun.of("state", "list", "--http-url", url, "--format", "csv");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--format: expected 'table' or 'json', got 'csv'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownKeyStillExitsOneInTheTable() {
        CliRun run = CliRun.of("state", "get", "JP-MOFA/NONE", "--http-url", url, "--format", "table");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("no such designation");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void subscribeTakesWideAndRefusesAnUnknownFormatBeforeContactingAnyBroker() {
        CliRun run = CliRun.of("subscribe", "--format", "csv", "--wide", "--bootstrap-servers", "127.0.0.1:1");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--format: expected 'table' or 'json', got 'csv'");
        assertThat(CliRun.of("subscribe", "--help").out()).contains("--wide", "whole names");
        assertThat(CliRun.of("state", "history", "--help").out()).contains("--format", "--wide");
    }
}

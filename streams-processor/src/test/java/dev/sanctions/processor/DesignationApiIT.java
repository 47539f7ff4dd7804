package dev.sanctions.processor;

import static dev.sanctions.processor.topology.TestAnnouncements.T1;
import static dev.sanctions.processor.topology.TestAnnouncements.T2;
import static dev.sanctions.processor.topology.TestAnnouncements.amendPosition;
import static dev.sanctions.processor.topology.TestAnnouncements.announcement;
import static dev.sanctions.processor.topology.TestAnnouncements.delist;
import static dev.sanctions.processor.topology.TestAnnouncements.designate;
import static dev.sanctions.processor.topology.TestAnnouncements.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.DesignationStatus;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.core.LogFold;
import dev.sanctions.core.Outcome;
import dev.sanctions.core.Topics;
import dev.sanctions.core.json.JsonForm;
import dev.sanctions.processor.topology.DesignationStores;
import dev.sanctions.testkit.KafkaBackendExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /designations...} (docs/http-api.md) on the real topology and broker, with one and with two instances. */
class DesignationApiIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant BETWEEN = T1.plusSeconds(86_400);
    private static final String JSON_LINES = "application/x-ndjson";

    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    @TempDir
    Path stateDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<SanctionsProcessor> processors = new ArrayList<>();
    private ProcessorSettings settings;
    private KafkaProducer<String, Announcement> producer;
    /** Every version of every designation, oldest first, as the fold of {@code core} computes them. */
    private final Map<String, List<DesignationState>> expected = new TreeMap<>();

    private final LogFold oracle = new LogFold();

    @BeforeEach
    void setUp() {
        Topics topics = ProcessorItSupport.createTopics(KAFKA.backend(), "api", List.of("JP", "US"));
        settings = ProcessorItSupport.settings(KAFKA.backend(), topics, "api-it", stateDir.resolve("one"));
        producer = ProcessorItSupport.announcementProducer(KAFKA.backend());
    }

    @AfterEach
    void tearDown() {
        processors.forEach(SanctionsProcessor::close);
        producer.close();
    }

    @Test
    void answersCurrentAsOfHistoryAndListsAndRefusesWhatItCannotAnswer() throws Exception {
        SanctionsProcessor processor = start(settings);
        publishScenario();
        awaitEverything(processor);

        String ivan = key("RU-P-1");
        List<DesignationState> ivanVersions = expected.get(ivan);
        assertThat(ivanVersions)
                .extracting(DesignationState::getStatus)
                .containsExactly(
                        DesignationStatus.ACTIVE,
                        DesignationStatus.ACTIVE,
                        DesignationStatus.DELISTED,
                        DesignationStatus.ACTIVE);

        assertThat(get(processor, "/designations/JP-MOFA%2FRU-P-1")).isEqualTo(ok(ivanVersions.get(3)));
        assertThat(get(processor, "/designations/JP-MOFA/RU-P-1")).isEqualTo(ok(ivanVersions.get(3)));

        assertThat(get(processor, "/designations/JP-MOFA%2FRU-P-1?asOf=" + T1.minusMillis(1)))
                .isEqualTo("404 "
                        + "{\"error\":\"designation JP-MOFA/RU-P-1 has no version published at or before"
                        + " 2022-04-08T00:59:59.999Z;"
                        + " its first was published at 2022-04-08T01:00:00Z\"}");
        assertThat(get(processor, "/designations/JP-MOFA%2FRU-P-1?asOf=" + T1)).isEqualTo(ok(ivanVersions.get(1)));
        assertThat(get(processor, "/designations/JP-MOFA%2FRU-P-1?asOf=" + BETWEEN))
                .isEqualTo(ok(ivanVersions.get(1)));
        assertThat(get(processor, "/designations/JP-MOFA%2FRU-P-1?asOf=2022-05-10T10:00:00+09:00"))
                .isEqualTo(ok(ivanVersions.get(3)));
        assertThat(get(processor, "/designations/JP-MOFA%2FRU-P-1?asOf=2030-01-01T00:00:00Z"))
                .isEqualTo(ok(ivanVersions.get(3)));

        assertThat(get(processor, "/designations/JP-MOFA%2FRU-P-1/history")).isEqualTo("200 " + array(ivanVersions));
        assertThat(get(processor, "/designations/JP-MOFA/RU-P-1/history", JSON_LINES))
                .isEqualTo("200 " + lines(ivanVersions));

        assertThat(get(processor, "/designations")).isEqualTo("200 " + array(current(state -> true)));
        assertThat(get(processor, "/designations", JSON_LINES)).isEqualTo("200 " + lines(current(state -> true)));
        assertThat(get(processor, "/designations?jurisdiction=US"))
                .isEqualTo(
                        "200 " + array(current(state -> state.getJurisdiction().equals("US"))))
                .contains("US-OFAC/X-1");
        assertThat(get(processor, "/designations?jurisdiction=jp&status=DELISTED"))
                .isEqualTo("200 "
                        + array(current(state -> state.getJurisdiction().equals("JP")
                                && state.getStatus() == DesignationStatus.DELISTED)))
                .contains(key("RU-P-3"));
        assertThat(get(processor, "/designations?jurisdiction=GB")).isEqualTo("200 []");

        assertThat(get(processor, "/designations/JP-MOFA%2FNOBODY"))
                .isEqualTo("404 {\"error\":\"no designation JP-MOFA/NOBODY (check the key: AUTHORITY/TARGET_ID)\"}");
        assertThat(get(processor, "/designations/JP-MOFA%2FNOBODY/history")).startsWith("404 ");
        assertThat(get(processor, "/designations/JP-MOFA%2FNOBODY?asOf=" + T2)).startsWith("404 ");
        assertThat(get(processor, "/designations/JP-MOFA%2FRU-P-1?asOf=last-week"))
                .startsWith(
                        "400 {\"error\":" + "\"asOf: 'last-week' is not an instant; write e.g. 2022-04-08T01:00:00Z");
        assertThat(get(processor, "/designations?status=LISTED"))
                .isEqualTo("400 {\"error\":\"status: 'LISTED' is not a status; write ACTIVE or DELISTED\"}");
        assertThat(get(processor, "/designations/RU-P-1")).startsWith("400 ");
    }

    @Test
    void withTwoInstancesEachAnswersForEveryKeyByAskingTheOwner() throws Exception {
        SanctionsProcessor first = start(settings);
        SanctionsProcessor second =
                start(settings.toBuilder().stateDir(stateDir.resolve("two")).build());
        publishScenario();
        HostInfo firstHost = hostOf(first);
        HostInfo secondHost = hostOf(second);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(first.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(second.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(owners(first)).containsExactlyInAnyOrder(firstHost, secondHost);
        });
        awaitEverything(first);

        for (SanctionsProcessor asked : List.of(first, second)) {
            for (Map.Entry<String, List<DesignationState>> designation : expected.entrySet()) {
                List<DesignationState> versions = designation.getValue();
                String path = "/designations/" + designation.getKey().replace("/", "%2F");
                assertThat(get(asked, path)).isEqualTo(ok(versions.get(versions.size() - 1)));
                assertThat(get(asked, path + "/history")).isEqualTo("200 " + array(versions));
                assertThat(get(asked, path + "/history", JSON_LINES)).isEqualTo("200 " + lines(versions));
            }
            assertThat(get(asked, "/designations")).isEqualTo("200 " + array(current(state -> true)));
            assertThat(get(asked, "/designations?status=ACTIVE", JSON_LINES))
                    .isEqualTo("200 " + lines(current(state -> state.getStatus() == DesignationStatus.ACTIVE)));
            assertThat(get(asked, "/designations/JP-MOFA%2FNOBODY")).startsWith("404 ");
            assertThat(followPages(asked, "/designations?limit=2")).isEqualTo(lines(current(state -> true)));
            assertThat(followPages(asked, "/designations?status=ACTIVE&limit=1"))
                    .isEqualTo(lines(current(state -> state.getStatus() == DesignationStatus.ACTIVE)));
        }
    }

    /**
     * Designations, amendments, a delisting and a relisting across two publication instants (T1, T2), and
     * enough keys that two instances each own some.
     */
    private void publishScenario() {
        publish(announcement(
                "a1",
                T1,
                designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE),
                amendPosition("RU-P-1", "Governor"),
                designate("RU-P-2", "Olga", MeasureType.ASSET_FREEZE),
                designate("RU-P-3", "Pyotr", MeasureType.TRAVEL_BAN),
                designate("RU-P-4", "Anna", MeasureType.ASSET_FREEZE),
                designate("RU-P-5", "Boris", MeasureType.EXPORT_BAN),
                designate("RU-P-6", "Vera", MeasureType.ASSET_FREEZE),
                designate("RU-P-7", "Gleb", MeasureType.IMPORT_BAN)));
        publish(announcement(
                "a2",
                T2,
                delist("RU-P-1"),
                designate("RU-P-1", "Ivan", MeasureType.TRAVEL_BAN),
                amendPosition("RU-P-2", "Minister"),
                delist("RU-P-3")));
        publish(announcement("US-OFAC", "US", "u1", T2, designate("X-1", "Acme Shipping", MeasureType.ASSET_FREEZE)));
    }

    private void publish(Announcement announcement) {
        for (Outcome outcome : oracle.apply(announcement)) {
            if (outcome instanceof Outcome.Changed changed) {
                expected.computeIfAbsent(changed.after().getDesignationKey(), k -> new ArrayList<>())
                        .add(changed.after());
            }
        }
        try {
            producer.send(new ProducerRecord<>(
                            settings.topics().announcements(),
                            null,
                            announcement.getPublishedAt().toEpochMilli(),
                            announcement.getAuthority(),
                            announcement))
                    .get();
        } catch (Exception e) {
            throw new AssertionError("could not publish " + announcement.getAnnouncementId(), e);
        }
    }

    /** Until the list shows every designation in its last version. */
    private void awaitEverything(SanctionsProcessor processor) {
        String all = "200 " + array(current(state -> true));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(get(processor, "/designations")).isEqualTo(all));
    }

    private List<DesignationState> current(Predicate<DesignationState> filter) {
        return expected.values().stream()
                .map(versions -> versions.get(versions.size() - 1))
                .filter(filter)
                .toList();
    }

    private static Set<HostInfo> owners(SanctionsProcessor processor) {
        return List.of("RU-P-1", "RU-P-2", "RU-P-3", "RU-P-4", "RU-P-5", "RU-P-6", "RU-P-7").stream()
                .map(id -> processor
                        .streams()
                        .queryMetadataForKey(DesignationStores.CURRENT, key(id), new StringSerializer())
                        .activeHost())
                .collect(Collectors.toSet());
    }

    private static HostInfo hostOf(SanctionsProcessor processor) {
        return new HostInfo(processor.httpUrl().getHost(), processor.httpUrl().getPort());
    }

    private SanctionsProcessor start(ProcessorSettings processorSettings) {
        SanctionsProcessor processor = SanctionsProcessor.start(processorSettings);
        processors.add(processor);
        return processor;
    }

    private static String ok(DesignationState state) {
        return "200 " + JsonForm.of(state);
    }

    private static String array(List<DesignationState> states) {
        return states.stream().map(JsonForm::of).collect(Collectors.joining(",", "[", "]"));
    }

    private static String lines(List<DesignationState> states) {
        return states.stream().map(state -> JsonForm.of(state) + "\n").collect(Collectors.joining());
    }

    /** Every page from {@code path} on, following the {@code Link: <...>; rel="next"} headers, as JSON lines. */
    private String followPages(SanctionsProcessor processor, String path) throws Exception {
        StringBuilder all = new StringBuilder();
        for (String next = path; next != null; ) {
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create(processor.httpUrl() + next))
                            .header("Accept", JSON_LINES)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            all.append(page.body());
            next = page.headers()
                    .firstValue("Link")
                    .map(link -> link.substring(link.indexOf('<') + 1, link.indexOf('>')))
                    .orElse(null);
        }
        return all.toString();
    }

    private String get(SanctionsProcessor processor, String path) throws Exception {
        return get(processor, path, "application/json");
    }

    private String get(SanctionsProcessor processor, String path, String accept) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(processor.httpUrl() + path))
                        .header("Accept", accept)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}

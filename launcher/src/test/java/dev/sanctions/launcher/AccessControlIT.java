package dev.sanctions.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.kafka.security.ClientCredentials;
import dev.sanctions.registry.client.RestSchemaRegistryClient;
import dev.sanctions.registry.client.SchemaRegistryException;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access control end to end on {@code dev --secure}'s pipeline (real broker, registry and processor, all logged in):
 * the grants of {@code sanctions access} let a bank and a publisher do their job and refuse everything else, with
 * one readable line.
 */
class AccessControlIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Example 05: nine JP-MOFA designations, so nine notifications on sanctions.changes.jp. */
    private static final Path ANNOUNCEMENT = Path.of("..", "examples", "05-jp-mofa-2022-03-01-putin-central-bank.json");

    private static final int NOTIFICATIONS = 9;

    @TempDir
    static Path dir;

    private static EmbeddedPipeline pipeline;
    private static Path admin;
    private static Path bank;
    private static Path publisher;

    @BeforeAll
    static void startSecuredPipelineAndHandOutLogins() {
        pipeline = EmbeddedPipeline.start(dir.resolve("dev"), 0, 0, 0, true, false);
        admin = pipeline.adminConfig().orElseThrow();

        bank = dir.resolve("bank-jp.properties");
        LauncherRun addBank = run("access", "add-bank", "bank-jp", "--jurisdiction", "JP", "--output", bank.toString());
        assertThat(addBank.code()).as(addBank.err()).isZero();
        assertThat(addBank.out()).contains("wrote " + bank.toAbsolutePath());

        publisher = dir.resolve("jp-mofa.properties");
        LauncherRun addPublisher = run("access", "add-publisher", "jp-mofa", "--output", publisher.toString());
        assertThat(addPublisher.code()).as(addPublisher.err()).isZero();

        LauncherRun publish = run("publish", ANNOUNCEMENT.toString(), "--command-config", publisher.toString());
        assertThat(publish.code()).as(publish.err()).isZero();
        assertThat(publish.out()).contains("published jp-mofa-2022-03-01-ru");
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void theLoginFilesAreTheOwnersAlone() throws IOException {
        for (Path file : List.of(admin, bank, publisher)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .as(file.toString())
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void aConnectionWithoutLoginIsRefusedEverywhere() throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", pipeline.bootstrapServers());
        // Refused, the client only ever times out: how soon is not the point.
        config.put("default.api.timeout.ms", 1000);
        config.put("request.timeout.ms", 500);
        try (Admin anonymous = Admin.create(config)) {
            assertThatThrownBy(() -> anonymous.listTopics().names().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TimeoutException.class);
        }
        assertThat(get(pipeline.schemaRegistryUrl() + "/subjects", null)).isEqualTo(401);
        assertThat(get(pipeline.httpUrl() + "/designations/JP-MOFA%2FRU-P-0401", null))
                .isEqualTo(401);
        assertThat(get(pipeline.httpUrl() + "/health", null)).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        Map<String, String> properties = ClientCredentials.readFile(bank);
        ClientCredentials real = ClientCredentials.of(properties).orElseThrow();
        ClientCredentials wrong = new ClientCredentials(real.user(), "x" + real.password());
        properties.putAll(wrong.clientProperties("SASL_PLAINTEXT"));
        Path file = dir.resolve("wrong.properties");
        ClientCredentials.writePrivateFile(file, properties);

        LauncherRun subscribe = subscribe(file, "--jurisdiction", "JP", "--from", "beginning", "--max-idle", "5s");

        assertThat(subscribe.code()).isEqualTo(1);
        assertThat(subscribe.err())
                .contains("the broker did not accept the login")
                .doesNotContain("\tat ");
        assertThat(get(pipeline.schemaRegistryUrl() + "/subjects", wrong)).isEqualTo(401);
        assertThat(get(pipeline.httpUrl() + "/designations/JP-MOFA%2FRU-P-0401", wrong))
                .isEqualTo(401);
    }

    @Test
    void aBankReadsItsJurisdictionAndTheStatesOverHttp() throws Exception {
        LauncherRun subscribe = subscribe(
                bank,
                "--jurisdiction",
                "JP",
                "--from",
                "beginning",
                "--format",
                "json",
                "--limit",
                String.valueOf(NOTIFICATIONS),
                "--max-idle",
                "60s");

        assertThat(subscribe.code()).as(subscribe.err()).isZero();
        assertThat(changeIds(subscribe.out())).hasSize(NOTIFICATIONS).doesNotHaveDuplicates();
        ClientCredentials login =
                ClientCredentials.of(ClientCredentials.readFile(bank)).orElseThrow();
        assertThat(get(pipeline.httpUrl() + "/designations/JP-MOFA%2FRU-P-0401", login))
                .isEqualTo(200);
    }

    @Test
    void aBankCommitsOffsetsOnlyInItsOwnGroups() {
        LauncherRun own = subscribe(
                bank,
                "--jurisdiction",
                "JP",
                "--group",
                "bank-jp.main",
                "--from",
                "beginning",
                "--limit",
                "1",
                "--max-idle",
                "60s");
        assertThat(own.code()).as(own.err()).isZero();

        LauncherRun other = subscribe(bank, "--jurisdiction", "JP", "--group", "bank-us.main", "--max-idle", "5s");
        assertThat(other.code()).isEqualTo(1);
        assertThat(other.err()).contains("not authorized to use the consumer group bank-us.main");
    }

    @Test
    void aBankCannotReadAnotherJurisdiction() {
        LauncherRun subscribe = subscribe(bank, "--jurisdiction", "US", "--max-idle", "5s");

        assertThat(subscribe.code()).isEqualTo(1);
        assertThat(subscribe.err().strip())
                .isEqualTo("sanctions subscribe: not authorized to read sanctions.changes.us: ask the operator to grant"
                        + " it");
    }

    @Test
    void aBankCannotReadAllNotificationsWithoutBeingGrantedEveryJurisdiction() {
        LauncherRun subscribe = subscribe(bank, "--max-idle", "5s");

        assertThat(subscribe.code()).isEqualTo(1);
        assertThat(subscribe.err()).contains("not authorized to read sanctions.changes:");
    }

    @Test
    void aBankWritesNowhere() {
        assertThat(produce(bank, "sanctions.changes.jp")).isInstanceOf(TopicAuthorizationException.class);
        assertThat(produce(bank, "sanctions.announcements")).isInstanceOf(TopicAuthorizationException.class);

        LauncherRun publish = run("publish", ANNOUNCEMENT.toString(), "--command-config", bank.toString());
        assertThat(publish.code()).isEqualTo(1);
        assertThat(publish.err()).contains("not authorized to publish");
    }

    @Test
    void aBankCannotRegisterSchemasOrChangeCompatibility() {
        try (RestSchemaRegistryClient registry = registryAs(bank)) {
            assertThatThrownBy(() -> registry.register("bank-made-value", DesignationChange.getClassSchema()))
                    .isInstanceOfSatisfying(
                            SchemaRegistryException.class,
                            e -> assertThat(e.httpStatus()).isEqualTo(403));
            assertThatThrownBy(() -> registry.setCompatibility("sanctions.changes.jp-value", "NONE"))
                    .isInstanceOfSatisfying(
                            SchemaRegistryException.class,
                            e -> assertThat(e.httpStatus()).isEqualTo(403));
            assertThat(registry.getCompatibility("sanctions.changes.jp-value")).isNotEqualTo("NONE");
        }
    }

    @Test
    void aPublisherNeitherReadsNorWritesNotifications() {
        LauncherRun subscribe = subscribe(publisher, "--jurisdiction", "JP", "--max-idle", "5s");
        assertThat(subscribe.code()).isEqualTo(1);
        assertThat(subscribe.err()).contains("not authorized to read sanctions.changes.jp");

        assertThat(produce(publisher, "sanctions.changes.jp")).isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aPublisherPublishesOnlyUnderItsOwnName() {
        LauncherRun publish = run(
                "publish",
                ANNOUNCEMENT.toString(),
                "--publisher-id",
                "someone-else",
                "--command-config",
                publisher.toString());

        assertThat(publish.code()).isEqualTo(1);
        assertThat(publish.err()).contains("not authorized to publish");
    }

    @Test
    void theAccessCommandsNeedTheAdmin() {
        LauncherRun add = run(
                "access",
                "add-bank",
                "bank-kr",
                "--jurisdiction",
                "KR",
                "--command-config",
                bank.toString(),
                "--output",
                dir.resolve("bank-kr.properties").toString());

        assertThat(add.code()).isEqualTo(1);
        assertThat(add.err()).contains("not authorized to manage the cluster");
        assertThat(dir.resolve("bank-kr.properties")).doesNotExist();
    }

    @Test
    void aRemovedPrincipalCanNoLongerLogIn() {
        Path file = dir.resolve("bank-gone.properties");
        assertThat(run("access", "add-bank", "bank-gone", "--all-jurisdictions", "--output", file.toString())
                        .code())
                .isZero();
        assertThat(run("access", "list").out()).contains("bank-gone (SCRAM-SHA-512): group bank-gone.*");

        LauncherRun remove = run("access", "remove", "bank-gone");

        assertThat(remove.code()).as(remove.err()).isZero();
        assertThat(remove.out()).contains("removed bank-gone: its login and");
        assertThat(run("access", "list").out()).doesNotContain("bank-gone");
        LauncherRun subscribe = subscribe(file, "--jurisdiction", "JP", "--max-idle", "5s");
        assertThat(subscribe.code()).isEqualTo(1);
        assertThat(subscribe.err()).contains("the broker did not accept the login");
    }

    @Test
    void kcatReadsTheBanksTopicWithTheBanksLogin() throws Exception {
        assumeTrue(onPath("kcat"), "kcat is not installed");
        // librdkafka before 2.6.1 speaks a SCRAM that Kafka 4 refuses: such a kcat logs in with PLAIN, same login.
        String mechanism = ScramCapableLibrdkafka.check() ? properties(bank).get("sasl.mechanism") : "PLAIN";
        // Wait until the processor has written the notifications (the bank's subscription above may not have run).
        assertThat(subscribe(bank, "--jurisdiction", "JP", "--from", "beginning", "--limit", "1", "--max-idle", "60s")
                        .code())
                .isZero();
        Map<String, String> properties = properties(bank);
        ClientCredentials login = ClientCredentials.of(properties).orElseThrow();
        List<String> command = new ArrayList<>(List.of(
                "kcat",
                "-b",
                pipeline.bootstrapServers(),
                "-X",
                "security.protocol=" + properties.get("security.protocol"),
                "-X",
                "sasl.mechanisms=" + mechanism,
                "-X",
                "sasl.username=" + login.user(),
                "-X",
                "sasl.password=" + login.password(),
                "-X",
                "isolation.level=read_committed",
                "-C",
                "-t",
                "sanctions.changes.jp",
                "-o",
                "beginning",
                "-e",
                "-q",
                "-f",
                "%k\\n"));
        Process kcat = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(kcat.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(kcat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(kcat.exitValue()).as(output).isZero();
        assertThat(output.lines().filter(line -> line.startsWith("JP-MOFA/"))).hasSize(NOTIFICATIONS);

        List<String> forbidden = new ArrayList<>(command);
        forbidden.set(forbidden.indexOf("sanctions.changes.jp"), "sanctions.changes.us");
        Process refused =
                new ProcessBuilder(forbidden).redirectErrorStream(true).start();
        assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.exitValue()).isNotZero();
    }

    private static Map<String, String> properties(Path file) {
        return ClientCredentials.readFile(file);
    }

    private static LauncherRun subscribe(Path config, String... options) {
        List<String> args = new ArrayList<>(List.of("subscribe", "--command-config", config.toString()));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    /** The command line as a user types it, against the pipeline, as the admin unless a --command-config is given. */
    private static LauncherRun run(String... args) {
        List<String> full = new ArrayList<>(List.of(args));
        full.addAll(List.of(
                "--bootstrap-servers",
                pipeline.bootstrapServers(),
                "--schema-registry-url",
                pipeline.schemaRegistryUrl()));
        if (!full.contains("--command-config")) {
            full.addAll(List.of("--command-config", admin.toString()));
        }
        return LauncherRun.of(full);
    }

    private static List<String> changeIds(String jsonLines) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : jsonLines.lines().filter(l -> l.startsWith("{")).toList()) {
            JsonNode change = JSON.readTree(line);
            ids.add(change.get("changeId").asText());
        }
        return ids;
    }

    /** What a plain (non-transactional) producer logged in from {@code config} gets when it writes to {@code topic}. */
    private static Throwable produce(Path config, String topic) {
        Map<String, Object> settings = new HashMap<>(ClientCredentials.readFile(config));
        settings.keySet().removeIf(key -> key.startsWith("basic.auth.") || key.startsWith("schema.registry."));
        settings.put("bootstrap.servers", pipeline.bootstrapServers());
        // Not idempotent: an idempotent producer is refused earlier, for the cluster, before naming the topic.
        settings.put("enable.idempotence", "false");
        settings.put("max.block.ms", 10000);
        settings.put("delivery.timeout.ms", 10000);
        settings.put("request.timeout.ms", 5000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "forged", "forged")).get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    private static RestSchemaRegistryClient registryAs(Path config) {
        Map<String, Object> settings = new HashMap<>(ClientCredentials.readFile(config));
        settings.put("schema.registry.url", pipeline.schemaRegistryUrl());
        settings.put("max.retries", "0");
        return RestSchemaRegistryClient.fromConfig(settings);
    }

    private static int get(String url, ClientCredentials login) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (login != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (login.user() + ":" + login.password()).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** librdkafka before 2.6.1 sends a SCRAM nonce that Kafka 4 rightly refuses (CVE-2024-56128). */
    private static final class ScramCapableLibrdkafka {
        static boolean check() throws IOException, InterruptedException {
            Process version =
                    new ProcessBuilder("kcat", "-V").redirectErrorStream(true).start();
            String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            version.waitFor(10, TimeUnit.SECONDS);
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("librdkafka (\\d+)\\.(\\d+)\\.(\\d+)")
                    .matcher(text);
            if (!matcher.find()) {
                return false;
            }
            int[] v = {
                Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3))
            };
            return v[0] > 2 || (v[0] == 2 && (v[1] > 6 || (v[1] == 6 && v[2] >= 1)));
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null
                && Arrays.stream(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}

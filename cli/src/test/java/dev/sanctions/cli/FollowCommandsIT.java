package dev.sanctions.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.avro.RejectionReason;
import dev.sanctions.processor.topology.DeadLetterHeaders;
import dev.sanctions.registry.serde.SpecificAvroSerializer;
import dev.sanctions.testkit.KafkaBackendExtension;
import dev.sanctions.testkit.TestTopics;
import dev.sanctions.testkit.UniqueNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** {@code sanctions rejected} and {@code sanctions dlq} against the in-process broker, as a user runs them. */
class FollowCommandsIT {

    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    private static final byte[] NOT_UTF8 = {0, 0, 0, 0, 7, (byte) 0xC3, (byte) 0x28, 1};

    private String prefix;

    @BeforeEach
    void ownTopics() {
        prefix = UniqueNames.of("follow") + ".";
        TestTopics.create(KAFKA.bootstrapServers(), 2, prefix + "sanctions.rejected");
        TestTopics.create(KAFKA.bootstrapServers(), 1, prefix + "sanctions.dlq");
    }

    @Test
    void rejectedPrintsEveryRejectionAsJsonInTheFormOfEveryOtherTool() {
        writeRejections(
                rejection("jp-2022-03-08", 3, ActionType.AMEND, "JP-MOFA/RU-P-9", RejectionReason.UNKNOWN_DESIGNATION),
                rejection("jp-2022-03-08", null, null, null, RejectionReason.DUPLICATE_ANNOUNCEMENT));

        Run run = run("rejected", "--from", "beginning", "--max-idle", "2s", "--format", "json");

        assertThat(run.code).isZero();
        assertThat(run.out.lines())
                .containsExactly(
                        "{\"announcementId\":\"jp-2022-03-08\",\"authority\":\"JP-MOFA\",\"jurisdiction\":\"JP\","
                                + "\"publishedAt\":\"2022-03-08T01:00:00Z\",\"actionIndex\":3,\"action\":\"AMEND\","
                                + "\"designationKey\":\"JP-MOFA/RU-P-9\",\"reason\":\"UNKNOWN_DESIGNATION\","
                                + "\"message\":\"rejected: UNKNOWN_DESIGNATION\"}",
                        "{\"announcementId\":\"jp-2022-03-08\",\"authority\":\"JP-MOFA\",\"jurisdiction\":\"JP\","
                                + "\"publishedAt\":\"2022-03-08T01:00:00Z\",\"actionIndex\":null,\"action\":null,"
                                + "\"designationKey\":null,\"reason\":\"DUPLICATE_ANNOUNCEMENT\","
                                + "\"message\":\"rejected: DUPLICATE_ANNOUNCEMENT\"}");
    }

    @Test
    void rejectedAsATableHasOneHeaderAndOneRowPerRejectionAndStopsAtTheLimit() {
        writeRejections(
                rejection("a-1", 0, ActionType.DELIST, "JP-MOFA/X", RejectionReason.ALREADY_DELISTED),
                rejection("a-1", 1, ActionType.DELIST, "JP-MOFA/Y", RejectionReason.ALREADY_DELISTED),
                rejection("a-1", 2, ActionType.DELIST, "JP-MOFA/Z", RejectionReason.ALREADY_DELISTED));

        Run run = run("rejected", "--from", "beginning", "--limit", "2");

        assertThat(run.code).isZero();
        List<String> lines = run.out.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("PUBLISHED").contains("ANNOUNCEMENT", "ACTION", "KEY", "REASON", "MESSAGE");
        assertThat(lines.get(1))
                .startsWith("2022-03-08T01:00:00Z")
                .contains("#0 DELIST", "JP-MOFA/X", "ALREADY_DELISTED", "rejected: ALREADY_DELISTED");
        assertThat(lines.get(2)).contains("#1 DELIST", "JP-MOFA/Y");
    }

    @Test
    void rejectedFromAnInstantSkipsWhatCameBefore() {
        writeRejections(rejection("a-1", 0, ActionType.DELIST, "JP-MOFA/X", RejectionReason.ALREADY_DELISTED));
        RejectedAction later = rejection("a-2", 0, ActionType.DELIST, "JP-MOFA/Y", RejectionReason.ALREADY_DELISTED);
        later.setPublishedAt(Instant.parse("2022-03-10T00:00:00Z"));
        writeRejections(later);

        Run run = run("rejected", "--from", "2022-03-09", "--max-idle", "2s", "--format", "json");

        assertThat(run.code).isZero();
        assertThat(run.out.lines()).singleElement().asString().contains("\"announcementId\":\"a-2\"");
    }

    @Test
    void dlqShowsTheErrorHeadersAndTheValueAsTextOrBase64() {
        writeDeadLetters(
                deadLetter("JP-MOFA", "{not avro".getBytes(StandardCharsets.UTF_8), "not-framed", 1, 17),
                deadLetter("US-OFAC", NOT_UTF8, "unknown-schema-id", 0, 4));

        Run json = run("dlq", "--from", "beginning", "--max-idle", "2s", "--format", "json");

        assertThat(json.code).isZero();
        String base64 = Base64.getEncoder().encodeToString(NOT_UTF8);
        assertThat(json.out.lines())
                .containsExactly(
                        "{\"topic\":\"" + prefix + "sanctions.dlq\",\"partition\":0"
                                + ",\"offset\":0,\"timestamp\":\"2022-03-08T01:00:00Z\",\"key\":\"JP-MOFA\","
                                + "\"reason\":\"not-framed\",\"sourceTopic\":\"" + prefix + "sanctions.announcements\","
                                + "\"sourcePartition\":1,\"sourceOffset\":17,\"error\":\"error of not-framed\","
                                + "\"valueEncoding\":\"utf-8\",\"value\":\"{not avro\"}",
                        "{\"topic\":\"" + prefix + "sanctions.dlq\",\"partition\":0"
                                + ",\"offset\":1,\"timestamp\":\"2022-03-08T01:00:00Z\",\"key\":\"US-OFAC\","
                                + "\"reason\":\"unknown-schema-id\",\"sourceTopic\":\"" + prefix
                                + "sanctions.announcements\",\"sourcePartition\":0,\"sourceOffset\":4,"
                                + "\"error\":\"error of unknown-schema-id\",\"valueEncoding\":\"base64\",\"value\":\""
                                + base64 + "\"}");

        Run table = run("dlq", "--from", "beginning", "--max-idle", "2s", "--wide");

        assertThat(table.out.lines().toList())
                .hasSize(3)
                .anySatisfy(line ->
                        assertThat(line).contains("not-framed", prefix + "sanctions.announcements-1@17", "{not avro"))
                .anySatisfy(line -> assertThat(line).contains("unknown-schema-id", "base64:" + base64));
    }

    @Test
    void aReaderThatGoesEndsTheCommandWithExitZeroInsteadOfFollowingOn() {
        for (int i = 0; i < 5; i++) {
            writeRejections(rejection("a-" + i, 0, ActionType.DELIST, "JP-MOFA/X", RejectionReason.ALREADY_DELISTED));
        }
        ClosingPipe pipe = new ClosingPipe(2);
        PrintWriter stdout =
                new PrintWriter(new PrintStream(pipe, true, StandardCharsets.UTF_8), true, StandardCharsets.UTF_8);
        StringWriter err = new StringWriter();
        CommandLine commandLine = commandLine(stdout, new PrintWriter(err, true));

        // No --max-idle, no --limit: without noticing the closed pipe it would follow the topic forever.
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(
                () -> commandLine.execute(args("rejected", "--from", "beginning", "--format", "json")));

        await().atMost(Duration.ofSeconds(30)).until(code::isDone);
        assertThat(code.join()).isZero();
        assertThat(pipe.written.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
        assertThat(err.toString()).isEmpty();
    }

    private static RejectedAction rejection(
            String announcementId, Integer index, ActionType action, String key, RejectionReason reason) {
        return RejectedAction.newBuilder()
                .setAnnouncementId(announcementId)
                .setAuthority("JP-MOFA")
                .setJurisdiction("JP")
                .setPublishedAt(Instant.parse("2022-03-08T01:00:00Z"))
                .setActionIndex(index)
                .setAction(action)
                .setDesignationKey(key)
                .setReason(reason)
                .setMessage("rejected: " + reason)
                .build();
    }

    /** As the processor writes them: in a transaction, keyed by announcement id, stamped with publishedAt. */
    private void writeRejections(RejectedAction... rejections) {
        SpecificAvroSerializer<SpecificRecord> values = new SpecificAvroSerializer<>();
        values.configure(Map.of("schema.registry.url", KAFKA.schemaRegistryUrl()), false);
        try (KafkaProducer<String, SpecificRecord> producer =
                new KafkaProducer<>(transactional(), new StringSerializer(), values)) {
            producer.initTransactions();
            producer.beginTransaction();
            for (RejectedAction rejected : rejections) {
                producer.send(new ProducerRecord<>(
                        prefix + "sanctions.rejected",
                        null,
                        rejected.getPublishedAt().toEpochMilli(),
                        rejected.getAnnouncementId(),
                        rejected));
            }
            producer.commitTransaction();
        }
    }

    private ProducerRecord<byte[], byte[]> deadLetter(
            String key, byte[] value, String reason, int sourcePartition, long sourceOffset) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.ERROR, utf8("error of " + reason));
        headers.add(DeadLetterHeaders.REASON, utf8(reason));
        headers.add(DeadLetterHeaders.SOURCE_TOPIC, utf8(prefix + "sanctions.announcements"));
        headers.add(DeadLetterHeaders.SOURCE_PARTITION, utf8(Integer.toString(sourcePartition)));
        headers.add(DeadLetterHeaders.SOURCE_OFFSET, utf8(Long.toString(sourceOffset)));
        return new ProducerRecord<>(
                prefix + "sanctions.dlq",
                null,
                Instant.parse("2022-03-08T01:00:00Z").toEpochMilli(),
                utf8(key),
                value,
                headers);
    }

    /** In one transaction, as the processor writes them. */
    @SafeVarargs
    private static void writeDeadLetters(ProducerRecord<byte[], byte[]>... letters) {
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(transactional(), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (ProducerRecord<byte[], byte[]> letter : letters) {
                producer.send(letter);
            }
            producer.commitTransaction();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> transactional() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                UniqueNames.of("processor-double"));
    }

    private String[] args(String... command) {
        return CliRun.onCluster(KAFKA.backend(), prefix, command);
    }

    private Run run(String... command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args(command));
        return new Run(code, out.toString(), err.toString());
    }

    private static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = SanctionsCli.commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine;
    }

    private record Run(int code, String out, String err) {}

    /** A pipe whose reader goes after {@code lines} lines: every later write fails as a closed pipe's does. */
    private static final class ClosingPipe extends OutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        private final int lines;
        private int newlines;

        ClosingPipe(int lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            if (newlines >= lines) {
                throw new IOException("Broken pipe");
            }
            written.write(b);
            if (b == '\n') {
                newlines++;
            }
        }
    }
}

package dev.sanctions.embedded;

import java.nio.file.Path;
import java.util.Properties;

/** The server properties of a one-node KRaft cluster (combined broker and controller) on loopback. */
public final class BrokerSettings {
    static final int NODE_ID = 1;
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** Large enough for an announcement of 10,000 actions; the test kit's Docker broker is given the same. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private BrokerSettings() {}

    static Properties of(Path logDir, int brokerPort, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + Loopback.HOST + ":" + controllerPort);
        props.put(
                "listeners",
                BROKER_LISTENER + "://" + Loopback.HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://"
                        + Loopback.HOST + ":" + controllerPort);
        props.put("advertised.listeners", BROKER_LISTENER + "://" + Loopback.HOST + ":" + brokerPort);
        props.put(
                "listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        props.put("metadata.log.dir", logDir.toAbsolutePath().toString());

        // One node: every internal topic has one replica, or transactions and groups wait for replicas that never come.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("group.initial.rebalance.delay.ms", "0");

        // Topics are created on purpose (sanctions init, Kafka Streams, the registry), so a misspelt name fails loudly.
        props.put("auto.create.topics.enable", "false");

        props.put("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
        props.put("replica.fetch.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));

        // A restart after a crash waits a session timeout for the stale registration: 3 s instead of 9 s.
        props.put("broker.session.timeout.ms", "3000");
        props.put("broker.heartbeat.interval.ms", "1000");

        // The cleaner's default 128 MiB dedupe buffer is sized for production logs, not a developer's machine.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(32 * 1024 * 1024));
        return props;
    }
}

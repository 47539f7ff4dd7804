package dev.sanctions.embedded;

import dev.sanctions.kafka.security.ClientCredentials;
import java.nio.file.Path;
import java.util.Locale;
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
        return of(logDir, brokerPort, controllerPort, null, null);
    }

    /**
     * @param security null for an open broker (PLAINTEXT)
     * @param controllerPassword the password of the controller listener's PLAIN login, known to this process only
     */
    static Properties of(
            Path logDir, int brokerPort, int controllerPort, BrokerSecurity security, String controllerPassword) {
        Properties props = open(logDir, brokerPort, controllerPort);
        if (security != null) {
            secure(props, brokerPort, controllerPort, security, controllerPassword);
        }
        return props;
    }

    /**
     * SCRAM on the client listener, the broker logging in to itself as the admin; the controller listener on
     * loopback with PLAIN and a password made for this start (a KRaft controller cannot check SCRAM: the credentials
     * live in the metadata it serves); every request authorized by the StandardAuthorizer. docs/decisions.md says why.
     */
    private static void secure(
            Properties props, int brokerPort, int controllerPort, BrokerSecurity security, String controllerPassword) {
        String admin = security.admin().user();
        // Named after its protocol: SASL_PLAINTEXT, or SASL_SSL with TLS.
        String listener = security.securityProtocol();
        props.put(
                "listeners",
                listener + "://" + Loopback.HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + Loopback.HOST
                        + ":" + controllerPort);
        props.put("advertised.listeners", listener + "://" + Loopback.HOST + ":" + brokerPort);
        props.put(
                "listener.security.protocol.map",
                listener + ":" + listener + "," + CONTROLLER_LISTENER + ":SASL_PLAINTEXT");
        props.put("inter.broker.listener.name", listener);
        props.put("sasl.enabled.mechanisms", ClientCredentials.MECHANISM);
        props.put("sasl.mechanism.inter.broker.protocol", ClientCredentials.MECHANISM);
        props.put("sasl.mechanism.controller.protocol", "PLAIN");
        String client = "listener.name." + listener.toLowerCase(Locale.ROOT) + ".";
        if (security.tls() != null) {
            TlsFiles tls = security.tls();
            props.put(client + "ssl.keystore.location", tls.keystore().toString());
            props.put(client + "ssl.keystore.password", tls.password());
            props.put(client + "ssl.key.password", tls.password());
            props.put(client + "ssl.keystore.type", "PKCS12");
            // The broker's own client (inter-broker traffic) trusts the same CA.
            props.put(client + "ssl.truststore.location", tls.truststore().toString());
            props.put(client + "ssl.truststore.password", tls.password());
            props.put(client + "ssl.truststore.type", "PKCS12");
        }
        // PLAIN too, checked against the same SCRAM credentials, for clients whose SCRAM Kafka 4 refuses.
        props.put(client + "sasl.enabled.mechanisms", ClientCredentials.MECHANISM + ",PLAIN");
        props.put(
                client + ClientCredentials.MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                security.admin().jaasConfig());
        props.put(
                client + "plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required;");
        props.put(client + "plain.sasl.server.callback.handler.class", PlainOverScram.class.getName());
        String controller = "listener.name." + CONTROLLER_LISTENER.toLowerCase(Locale.ROOT) + ".";
        props.put(controller + "sasl.enabled.mechanisms", "PLAIN");
        props.put(
                controller + "plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + admin
                        + "\" password=\"" + controllerPassword + "\" user_" + admin + "=\"" + controllerPassword
                        + "\";");
        props.put("authorizer.class.name", BrokerSecurity.AUTHORIZER);
        props.put("super.users", "User:" + admin);
        props.put("allow.everyone.if.no.acl.found", "false");
    }

    private static Properties open(Path logDir, int brokerPort, int controllerPort) {
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

package dev.sanctions.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sanctions.kafka.security.ClientCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dev --secure --tls}: SASL over TLS with a CA made for the directory, and nothing without TLS. */
class TlsStackIT {

    @TempDir
    Path dataDir;

    @Test
    void clientsLogInOverTlsWithTheDirectorysTruststoreOnly() throws Exception {
        ClientCredentials admin = ClientCredentials.generate(BrokerSecurity.ADMIN);
        TlsFiles tls = TlsFiles.loadOrCreate(dataDir.resolve("tls"));
        BrokerSecurity security = new BrokerSecurity(admin, List.of(), tls);
        assertThat(TlsFiles.loadOrCreate(dataDir.resolve("tls"))).isEqualTo(tls);
        assertThat(Files.readString(tls.caPem())).startsWith("-----BEGIN CERTIFICATE-----");

        try (EmbeddedStack stack = EmbeddedStack.start(dataDir.resolve("stack"), 0, 0, security)) {
            Map<String, Object> config = new HashMap<>(security.adminProperties());
            config.keySet().removeIf(key -> key.startsWith("basic.auth."));
            config.put("bootstrap.servers", stack.bootstrapServers());
            config.put("default.api.timeout.ms", 10000);
            config.put("request.timeout.ms", 5000);
            try (Admin client = Admin.create(config)) {
                client.createTopics(List.of(new NewTopic("tls.made", 1, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }

            config.put("security.protocol", BrokerSecurity.SECURITY_PROTOCOL);
            config.put("default.api.timeout.ms", 3000);
            config.put("request.timeout.ms", 1500);
            try (Admin withoutTls = Admin.create(config)) {
                assertThatThrownBy(() -> withoutTls.listTopics().names().get(30, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
            }
        }
    }
}

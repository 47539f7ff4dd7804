package dev.sanctions.kafka.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void aGeneratedLoginComesBackFromItsClientProperties() {
        ClientCredentials bank = ClientCredentials.generate("bank-jp");

        Map<String, String> properties = bank.clientProperties("SASL_PLAINTEXT");

        assertThat(bank.password()).hasSize(32);
        assertThat(ClientCredentials.generate("bank-jp").password()).isNotEqualTo(bank.password());
        assertThat(properties)
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("basic.auth.credentials.source", "USER_INFO")
                .containsEntry("basic.auth.user.info", "bank-jp:" + bank.password());
        assertThat(ClientCredentials.of(properties)).contains(bank);
        assertThat(ClientCredentials.of(Map.of("bootstrap.servers", "x:9092"))).isEmpty();
    }

    @Test
    void namesAndPasswordsThatWouldBreakTheJaasLineAreRefused() {
        assertThatThrownBy(() -> new ClientCredentials("bank jp", "pw")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientCredentials("-bank", "pw")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientCredentials("bank", "p\"w")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientCredentials("bank", "p:w")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePrivateFileIsTheOwnersAloneAndReadsBack() throws IOException {
        Path file = dir.resolve("bank-jp.properties");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Map<String, String> properties =
                new LinkedHashMap<>(ClientCredentials.generate("bank-jp").clientProperties("SASL_PLAINTEXT"));

        ClientCredentials.writePrivateFile(file, properties, "a comment");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("# a comment\n");
        assertThat(ClientCredentials.readFile(file)).isEqualTo(properties);
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }
}

package dev.sanctions.embedded;

import dev.sanctions.kafka.security.ClientCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The TLS material of a secured embedded broker, made once per data directory with the JDK's keytool: a CA of its
 * own, the broker's key and certificate (for {@code localhost} and {@code 127.0.0.1}) signed by it, a truststore
 * holding the CA for Java clients and the CA as PEM for others (kcat's {@code ssl.ca.location}).
 *
 * @param keystore the broker's key and certificate chain (PKCS12)
 * @param truststore the CA's certificate (PKCS12), for clients
 * @param caPem the CA's certificate as PEM
 * @param password of both stores
 */
public record TlsFiles(Path keystore, Path truststore, Path caPem, String password) {

    private static final String TYPE = "PKCS12";

    /** The files of {@code dir}, made first when it has none. */
    public static TlsFiles loadOrCreate(Path dir) {
        Path passwordFile = dir.resolve("password.properties");
        TlsFiles files;
        try {
            if (Files.exists(passwordFile)) {
                files = at(dir, ClientCredentials.readFile(passwordFile).get("password"));
            } else {
                files = at(dir, ClientCredentials.generate("tls").password());
                files.create(dir);
                // Written last: a directory without it is made again from scratch.
                ClientCredentials.writePrivateFile(
                        passwordFile, Map.of("password", files.password()), "Password of the TLS stores here.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the TLS files in " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static TlsFiles at(Path dir, String password) {
        return new TlsFiles(
                dir.resolve("broker.p12").toAbsolutePath(),
                dir.resolve("truststore.p12").toAbsolutePath(),
                dir.resolve("ca.pem").toAbsolutePath(),
                password);
    }

    /** The client settings that trust the broker's certificate. */
    public Map<String, String> clientProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("ssl.truststore.location", truststore.toString());
        properties.put("ssl.truststore.password", password);
        properties.put("ssl.truststore.type", TYPE);
        return properties;
    }

    private void create(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path ca = dir.resolve("ca.p12");
        Path csr = dir.resolve("broker.csr");
        Path crt = dir.resolve("broker.crt");
        keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-dname",
                "CN=sanctions dev CA",
                "-ext",
                "bc:c",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "3650",
                "-keystore",
                ca.toString());
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file", caPem.toString());
        keytool(
                "-genkeypair",
                "-alias",
                "broker",
                "-dname",
                "CN=localhost",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "825",
                "-keystore",
                keystore.toString());
        keytool("-certreq", "-alias", "broker", "-keystore", keystore.toString(), "-file", csr.toString());
        keytool(
                "-gencert",
                "-alias",
                "ca",
                "-keystore",
                ca.toString(),
                "-infile",
                csr.toString(),
                "-outfile",
                crt.toString(),
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "825",
                "-rfc");
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                caPem.toString(),
                "-keystore",
                keystore.toString());
        keytool("-importcert", "-alias", "broker", "-file", crt.toString(), "-keystore", keystore.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                caPem.toString(),
                "-keystore",
                truststore.toString());
        Files.deleteIfExists(csr);
        Files.deleteIfExists(crt);
    }

    private void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", TYPE, "-storepass", password));
        if (List.of("-genkeypair", "-certreq", "-gencert").contains(args[0])) {
            command.addAll(List.of("-keypass", password));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool " + args[0] + " did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output.strip());
        }
    }
}

package dev.sanctions.cli.access;

import dev.sanctions.cli.ConnectionOptions;
import dev.sanctions.cli.UserInputException;
import dev.sanctions.kafka.security.ClientCredentials;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;

/**
 * What every {@code access add-…} does: checks the name, creates the principal with its grants, and writes the
 * client properties file to hand over, reaching the same cluster and registry the way the admin does (security
 * protocol and truststores), logged in as the new principal.
 */
final class HandOver {

    /** The principals the secured stack runs as: an access command never makes or removes them. */
    static final Set<String> RESERVED = Set.of("admin", "processor", "ANONYMOUS");

    /** The admin's settings a new principal needs to reach the same cluster and registry. */
    private static final Pattern CARRIED_OVER =
            Pattern.compile("security\\.protocol|ssl\\.truststore\\..*|ssl\\.endpoint\\.identification\\.algorithm"
                    + "|schema\\.registry\\.ssl\\.truststore\\..*");

    private HandOver() {}

    static ClientCredentials newPrincipal(String name) {
        if (RESERVED.contains(name)) {
            throw new UserInputException("'" + name + "' is the stack's own principal: choose another name");
        }
        try {
            return ClientCredentials.generate(name);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("NAME: " + e.getMessage());
        }
    }

    /** Creates the principal (refusing an existing one) and writes its file; returns the file written. */
    static Path create(
            ConnectionOptions connection,
            ClientCredentials principal,
            List<AclBinding> acls,
            Path output,
            String kind) {
        Map<String, Object> adminConfig = connection.kafkaProperties();
        try (Admin admin = Admin.create(adminConfig)) {
            Principals principals = new Principals(admin);
            if (principals.users().containsKey(principal.user())) {
                throw new UserInputException(principal.user() + " exists already: remove it first (sanctions access"
                        + " remove " + principal.user() + ") or choose another name");
            }
            principals.add(principal, acls);
        }
        Path file = output == null ? Path.of(principal.user() + ".properties") : output;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("bootstrap.servers", connection.bootstrapServers());
        properties.put("schema.registry.url", connection.schemaRegistryUrl());
        String protocol = String.valueOf(adminConfig.getOrDefault("security.protocol", "SASL_PLAINTEXT"));
        properties.putAll(principal.clientProperties(protocol));
        adminConfig.forEach((key, value) -> {
            if (CARRIED_OVER.matcher(key).matches()) {
                properties.put(key, String.valueOf(value));
            }
        });
        ClientCredentials.writePrivateFile(
                file,
                properties,
                "Credentials of the " + kind + " " + principal.user() + " for the sanctions pipeline: keep secret.",
                "Use with: sanctions <command> --command-config " + file.getFileName()
                        + " (the command-line options win over bootstrap.servers and schema.registry.url).");
        return file.toAbsolutePath();
    }
}

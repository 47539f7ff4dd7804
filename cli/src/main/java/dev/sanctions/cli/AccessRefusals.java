package dev.sanctions.cli;

import dev.sanctions.registry.client.SchemaRegistryException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;

/**
 * One readable line for a client that a secured cluster refused (docs/access-control.md): what it may not do, and
 * whom to ask. Found anywhere in the failure's causes, since the clients wrap them.
 */
final class AccessRefusals {

    private static final String ASK = ": ask the operator to grant it";

    private AccessRefusals() {}

    /** The line to show, when the failure is a refused login or a refused action. */
    static Optional<String> describe(Throwable failure, String command) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Optional<String> line = describeOne(cause, command);
            if (line.isPresent()) {
                return line;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> describeOne(Throwable cause, String command) {
        if (cause instanceof SaslAuthenticationException) {
            return Optional.of("the broker did not accept the login: check the user name and password in the"
                    + " --command-config file (" + cause.getMessage() + ")");
        }
        if (cause instanceof TopicAuthorizationException topics) {
            String verb = switch (command) {
                case "publish" -> "write to ";
                case "init" -> "create or describe ";
                default -> "read ";
            };
            Set<String> names = topics.unauthorizedTopics();
            String what = names.isEmpty() ? "the topics it needs" : String.join(", ", new TreeSet<>(names));
            return Optional.of("not authorized to " + verb + what + ASK);
        }
        if (cause instanceof GroupAuthorizationException group) {
            String id = group.groupId() == null ? "" : " " + group.groupId();
            return Optional.of("not authorized to use the consumer group" + id
                    + ": a bank may use only groups named after it (NAME.something)" + ASK);
        }
        if (cause instanceof TransactionalIdAuthorizationException) {
            return Optional.of("not authorized to publish with this publisher id: only a publisher may publish, and"
                    + " only as itself (--publisher-id NAME or NAME.something, NAME its login)" + ASK);
        }
        if (cause instanceof ClusterAuthorizationException) {
            return Optional.of(
                    "not authorized to manage the cluster (logins, ACLs): run with the admin's" + " --command-config");
        }
        if (cause instanceof AuthorizationException) {
            return Optional.of("not authorized: " + cause.getMessage() + ASK);
        }
        if (cause instanceof SchemaRegistryException registry) {
            if (registry.httpStatus() == 401) {
                return Optional.of("the schema registry did not accept the login: give the credentials you were"
                        + " handed with --command-config FILE (basic.auth.user.info)");
            }
            if (registry.httpStatus() == 403) {
                return Optional.of(
                        "not authorized to change the schema registry (register schemas, set compatibility)" + ASK);
            }
        }
        return Optional.empty();
    }
}

package dev.sanctions.cli.access;

import dev.sanctions.kafka.security.ClientCredentials;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.ResourcePatternFilter;

/**
 * The cluster's principals through the Admin API: SCRAM credentials ({@code alterUserScramCredentials}) and ACLs
 * ({@code createAcls}, {@code describeAcls}, {@code deleteAcls}). Needs a principal allowed to alter the cluster:
 * the admin.
 */
public final class Principals {

    /** Kafka's default, and what the storage tool uses for the users it bootstraps. */
    static final int SCRAM_ITERATIONS = 4096;

    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;

    public Principals(Admin admin) {
        this.admin = admin;
    }

    /** Creates (or gives a new password to) a user and grants it {@code acls}; both are idempotent. */
    public void add(ClientCredentials user, List<AclBinding> acls) {
        await(
                admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                                user.user(),
                                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                                user.password())))
                        .all(),
                "create the credentials of " + user.user());
        await(admin.createAcls(acls).all(), "grant " + user.user() + " its access");
    }

    /**
     * Removes a user's credentials and every ACL naming it.
     *
     * @return how many ACLs were removed, and whether the user had credentials
     */
    public Removal remove(String name) {
        Collection<AclBinding> deleted = await(
                admin.deleteAcls(List.of(new AclBindingFilter(
                                ResourcePatternFilter.ANY,
                                new AccessControlEntryFilter(
                                        Grants.principal(name), null, AclOperation.ANY, AclPermissionType.ANY))))
                        .all(),
                "remove the access of " + name);
        boolean hadCredentials = users().containsKey(name);
        if (hadCredentials) {
            await(
                    admin.alterUserScramCredentials(
                                    List.of(new UserScramCredentialDeletion(name, ScramMechanism.SCRAM_SHA_512)))
                            .all(),
                    "remove the credentials of " + name);
        }
        return new Removal(deleted.size(), hadCredentials);
    }

    /** What {@link #remove(String)} did. */
    public record Removal(int acls, boolean credentials) {}

    /** Every user with SCRAM credentials, and its mechanisms. */
    public Map<String, Set<String>> users() {
        Map<String, UserScramCredentialsDescription> described =
                await(admin.describeUserScramCredentials().all(), "list the users");
        Map<String, Set<String>> users = new TreeMap<>();
        described.forEach((name, description) -> {
            Set<String> mechanisms = new TreeSet<>();
            description
                    .credentialInfos()
                    .forEach(info -> mechanisms.add(info.mechanism().mechanismName()));
            users.put(name, mechanisms);
        });
        return users;
    }

    /** Every ACL, grouped by the principal it names ({@code User:} left off). */
    public Map<String, List<AclBinding>> acls() {
        Collection<AclBinding> all =
                await(admin.describeAcls(AclBindingFilter.ANY).values(), "list the ACLs");
        Map<String, List<AclBinding>> byPrincipal = new TreeMap<>();
        for (AclBinding acl : all) {
            String principal = acl.entry().principal();
            String name = principal.startsWith("User:") ? principal.substring("User:".length()) : principal;
            byPrincipal.computeIfAbsent(name, n -> new ArrayList<>()).add(acl);
        }
        return byPrincipal;
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future, String action) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof KafkaException cause) {
                throw cause;
            }
            throw new IllegalStateException(
                    "cannot " + action + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "cannot " + action + ": the cluster did not answer within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + action, e);
        }
    }
}

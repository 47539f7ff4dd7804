package dev.sanctions.cli.access;

import dev.sanctions.core.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The Kafka ACLs of each kind of principal (docs/access-control.md): what a bank, a publisher and the processor
 * may do, and nothing more. Everything not listed is refused by the broker's authorizer.
 */
public final class Grants {

    /**
     * The producer's transactional ids are {@code sanctions-publish.<publisher id>}; publish takes the principal's
     * name as its publisher id when none is given.
     */
    static final String PUBLISHER_TRANSACTIONAL_ID_PREFIX = "sanctions-publish.";

    private static final List<AclOperation> READ_ONLY = List.of(AclOperation.READ, AclOperation.DESCRIBE);
    private static final List<AclOperation> WRITE = List.of(AclOperation.WRITE, AclOperation.DESCRIBE);
    private static final List<AclOperation> CONFIGS = List.of(AclOperation.DESCRIBE_CONFIGS);
    private static final List<AclOperation> OUTPUT = List.of(
            AclOperation.READ,
            AclOperation.WRITE,
            AclOperation.CREATE,
            AclOperation.DESCRIBE,
            AclOperation.DESCRIBE_CONFIGS);
    private static final List<AclOperation> ALL = List.of(AclOperation.ALL);

    private final Topics topics;

    public Grants(Topics topics) {
        this.topics = topics;
    }

    /**
     * A bank: READ on the change topics of its jurisdictions; with {@code allJurisdictions}, on every change topic
     * (present and future) and on the designations. Its consumer groups are those named {@code NAME.*}. It may
     * write nowhere.
     */
    public List<AclBinding> bank(String name, Collection<String> jurisdictions, boolean allJurisdictions) {
        List<AclBinding> acls = new ArrayList<>();
        if (allJurisdictions) {
            // Prefixed: sanctions.changes and every sanctions.changes.<j>, including topics made later.
            allow(acls, name, ResourceType.TOPIC, topics.changes(), PatternType.PREFIXED, READ_ONLY);
            allow(acls, name, ResourceType.TOPIC, topics.designations(), PatternType.LITERAL, READ_ONLY);
        } else {
            for (String jurisdiction : jurisdictions) {
                allow(
                        acls,
                        name,
                        ResourceType.TOPIC,
                        topics.changes(jurisdiction.toUpperCase(Locale.ROOT)),
                        PatternType.LITERAL,
                        READ_ONLY);
            }
        }
        allow(acls, name, ResourceType.GROUP, name + ".", PatternType.PREFIXED, READ_ONLY);
        return acls;
    }

    /**
     * A publisher: WRITE on the announcements topic, through transactions whose id is its own (its name, or its
     * name followed by a dot and more), and READ on the receipts, which {@code publish --wait} reads without a
     * consumer group. It may read nothing else.
     */
    public List<AclBinding> publisher(String name) {
        List<AclBinding> acls = new ArrayList<>();
        allow(acls, name, ResourceType.TOPIC, topics.announcements(), PatternType.LITERAL, WRITE);
        allow(acls, name, ResourceType.TOPIC, topics.receipts(), PatternType.LITERAL, READ_ONLY);
        String transactionalId = PUBLISHER_TRANSACTIONAL_ID_PREFIX + name;
        allow(acls, name, ResourceType.TRANSACTIONAL_ID, transactionalId, PatternType.LITERAL, WRITE);
        allow(acls, name, ResourceType.TRANSACTIONAL_ID, transactionalId + ".", PatternType.PREFIXED, WRITE);
        return acls;
    }

    /**
     * The processor: READ on announcements; read, write and create on its output topics (a new jurisdiction's
     * change topic is created on first use); everything on its internal topics, its group and its transactional
     * ids, which all start with its {@code application.id}.
     */
    public List<AclBinding> processor(String name, String applicationId) {
        List<AclBinding> acls = new ArrayList<>();
        allow(acls, name, ResourceType.TOPIC, topics.announcements(), PatternType.LITERAL, READ_ONLY);
        allow(acls, name, ResourceType.TOPIC, topics.announcements(), PatternType.LITERAL, CONFIGS);
        for (String output : List.of(topics.designations(), topics.rejected(), topics.receipts(), topics.dlq())) {
            allow(acls, name, ResourceType.TOPIC, output, PatternType.LITERAL, OUTPUT);
        }
        allow(acls, name, ResourceType.TOPIC, topics.changes(), PatternType.PREFIXED, OUTPUT);
        allow(acls, name, ResourceType.TOPIC, applicationId + "-", PatternType.PREFIXED, ALL);
        allow(acls, name, ResourceType.GROUP, applicationId, PatternType.LITERAL, ALL);
        allow(acls, name, ResourceType.TRANSACTIONAL_ID, applicationId + "-", PatternType.PREFIXED, WRITE);
        return acls;
    }

    private static void allow(
            List<AclBinding> acls,
            String principal,
            ResourceType type,
            String name,
            PatternType pattern,
            List<AclOperation> operations) {
        for (AclOperation operation : operations) {
            acls.add(new AclBinding(
                    new ResourcePattern(type, name, pattern),
                    new AccessControlEntry(principal(principal), "*", operation, AclPermissionType.ALLOW)));
        }
    }

    static String principal(String name) {
        return "User:" + name;
    }
}

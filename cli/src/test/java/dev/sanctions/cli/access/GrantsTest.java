package dev.sanctions.cli.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.core.Topics;
import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.junit.jupiter.api.Test;

class GrantsTest {

    private final Grants grants = new Grants(Topics.withPrefix("test."));

    @Test
    void aBankReadsOnlyItsJurisdictionsTopicsAndUsesOnlyItsGroups() {
        List<String> acls = described(grants.bank("bank-jp", List.of("JP", "kr"), false));

        assertThat(acls)
                .containsExactlyInAnyOrder(
                        "TOPIC LITERAL test.sanctions.changes.jp READ",
                        "TOPIC LITERAL test.sanctions.changes.jp DESCRIBE",
                        "TOPIC LITERAL test.sanctions.changes.kr READ",
                        "TOPIC LITERAL test.sanctions.changes.kr DESCRIBE",
                        "GROUP PREFIXED bank-jp. READ",
                        "GROUP PREFIXED bank-jp. DESCRIBE");
    }

    @Test
    void aBankGrantedEveryJurisdictionReadsAllNotificationsAndTheDesignations() {
        assertThat(described(grants.bank("bank-all", List.of(), true)))
                .contains(
                        "TOPIC PREFIXED test.sanctions.changes READ",
                        "TOPIC LITERAL test.sanctions.designations READ",
                        "GROUP PREFIXED bank-all. READ")
                .noneMatch(acl -> acl.endsWith(" WRITE"));
    }

    @Test
    void aPublisherWritesAnnouncementsThroughItsOwnTransactionalIdsAndReadsOnlyReceipts() {
        assertThat(described(grants.publisher("jp-mofa")))
                .containsExactlyInAnyOrder(
                        "TOPIC LITERAL test.sanctions.announcements WRITE",
                        "TOPIC LITERAL test.sanctions.announcements DESCRIBE",
                        "TOPIC LITERAL test.sanctions.receipts READ",
                        "TOPIC LITERAL test.sanctions.receipts DESCRIBE",
                        "TRANSACTIONAL_ID LITERAL sanctions-publish.jp-mofa WRITE",
                        "TRANSACTIONAL_ID LITERAL sanctions-publish.jp-mofa DESCRIBE",
                        "TRANSACTIONAL_ID PREFIXED sanctions-publish.jp-mofa. WRITE",
                        "TRANSACTIONAL_ID PREFIXED sanctions-publish.jp-mofa. DESCRIBE");
    }

    @Test
    void theProcessorReadsAnnouncementsWithoutWritingThemAndOwnsItsApplicationId() {
        List<AclBinding> acls = grants.processor("processor", "sanctions-processor");

        assertThat(described(acls))
                .contains(
                        "TOPIC LITERAL test.sanctions.announcements READ",
                        "TOPIC PREFIXED test.sanctions.changes CREATE",
                        "TOPIC LITERAL test.sanctions.dlq WRITE",
                        "TOPIC LITERAL test.sanctions.receipts WRITE",
                        "TOPIC PREFIXED sanctions-processor- ALL",
                        "GROUP LITERAL sanctions-processor ALL",
                        "TRANSACTIONAL_ID PREFIXED sanctions-processor- WRITE")
                .doesNotContain("TOPIC LITERAL test.sanctions.announcements WRITE");
        assertThat(acls).allMatch(acl -> acl.entry().principal().equals("User:processor"));
        assertThat(acls).noneMatch(acl -> acl.entry().operation() == AclOperation.ALTER);
    }

    private static List<String> described(List<AclBinding> acls) {
        return acls.stream()
                .map(acl -> acl.pattern().resourceType() + " " + acl.pattern().patternType() + " "
                        + acl.pattern().name() + " " + acl.entry().operation())
                .toList();
    }
}

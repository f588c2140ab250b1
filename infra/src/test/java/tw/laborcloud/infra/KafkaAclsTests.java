package tw.laborcloud.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import tw.laborcloud.events.Topics;

/** The ACLs the topic table implies: least privilege, literal names, nothing for anyone not in the table. */
class KafkaAclsTests {

    private final Set<AclBinding> acls = KafkaAcls.fromTopicTable();

    @Test
    void onlyReviewServiceAndTheReplayingConsoleMayWriteApprovals() {
        assertThat(principalsAllowed(AclOperation.WRITE, ResourceType.TOPIC, Topics.APPLICATION_APPROVED))
                .containsExactlyInAnyOrder(Topics.REVIEW_SERVICE, Topics.OPS_CONSOLE);
    }

    @Test
    void eachServiceWritesWhatItOwnsAndItsDeadLettersAndReadsWhatItConsumesWithItsOwnGroup() {
        for (String service : Topics.services()) {
            Set<String> writes = resources(service, AclOperation.WRITE, ResourceType.TOPIC);
            Set<String> expected = new java.util.TreeSet<>(Topics.writtenBy(service));
            expected.addAll(Topics.deadLetterTopicsOf(service));
            assertThat(writes).as(service).isEqualTo(expected);
            assertThat(resources(service, AclOperation.READ, ResourceType.TOPIC)).as(service)
                    .isEqualTo(Topics.readBy(service));
            assertThat(resources(service, AclOperation.READ, ResourceType.GROUP)).as(service).containsExactly(service);
        }
    }

    @Test
    void onlyTheNotificationServiceAndTheConsoleReadTheConfirmationToken() {
        assertThat(principalsAllowed(AclOperation.READ, ResourceType.TOPIC, Topics.EMAIL_CONFIRMATION_REQUESTED))
                .containsExactlyInAnyOrder(Topics.NOTIFICATION_SERVICE, Topics.OPS_CONSOLE);
    }

    @Test
    void theConsoleReadsEverythingWritesOnlyBusinessTopicsAndDescribesEveryGroup() {
        Set<String> everything = new java.util.TreeSet<>(Topics.names());
        everything.addAll(Topics.deadLetterTopics());
        assertThat(resources(Topics.OPS_CONSOLE, AclOperation.READ, ResourceType.TOPIC)).isEqualTo(everything);
        assertThat(resources(Topics.OPS_CONSOLE, AclOperation.WRITE, ResourceType.TOPIC)).isEqualTo(Topics.names());
        assertThat(resources(Topics.OPS_CONSOLE, AclOperation.DESCRIBE, ResourceType.GROUP))
                .containsExactlyInAnyOrderElementsOf(Topics.services());
        assertThat(resources(Topics.OPS_CONSOLE, AclOperation.READ, ResourceType.GROUP))
                .containsExactly(Topics.OPS_CONSOLE);
    }

    @Test
    void noWildcardsNoDenialsAndNoAdministrativeRights() {
        assertThat(acls).allSatisfy(acl -> {
            assertThat(acl.pattern().patternType()).isEqualTo(PatternType.LITERAL);
            assertThat(acl.pattern().name()).isNotEqualTo("*");
            assertThat(acl.entry().operation()).isIn(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE);
            assertThat(acl.pattern().resourceType()).isIn(ResourceType.TOPIC, ResourceType.GROUP);
            assertThat(acl.entry().principal()).isNotEqualTo("User:" + KafkaAcls.ADMIN);
        });
        assertThat(KafkaAcls.servicePrincipals()).containsExactly(Topics.DOCUMENT_SERVICE,
                Topics.NOTIFICATION_SERVICE, Topics.OPS_CONSOLE, Topics.REGISTRATION_SERVICE, Topics.REVIEW_SERVICE,
                Topics.UNION_AFFAIRS_SERVICE);
    }

    private Set<String> resources(String principal, AclOperation operation, ResourceType type) {
        return acls.stream()
                .filter(a -> a.entry().principal().equals("User:" + principal) && a.entry().operation() == operation
                        && a.pattern().resourceType() == type)
                .map(a -> a.pattern().name())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private Set<String> principalsAllowed(AclOperation operation, ResourceType type, String name) {
        return acls.stream()
                .filter(a -> a.entry().operation() == operation && a.pattern().resourceType() == type
                        && a.pattern().name().equals(name))
                .map(a -> a.entry().principal().substring("User:".length()))
                .collect(Collectors.toSet());
    }
}

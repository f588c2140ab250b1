package tw.laborcloud.infra;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import tw.laborcloud.events.Topics;

/**
 * The ACLs the topic table ({@link Topics#ALL}) implies; the launcher grants exactly these (literal names only,
 * no wildcards) and removes any other. The broker's own admin principal is a super user and needs none.
 *
 * <ul>
 * <li>a service: WRITE and DESCRIBE on the topics it writes and on its dead-letter topics
 * ({@code error.<topic>.<service>}); READ and DESCRIBE on the topics it reads; READ on its consumer group.
 * WRITE on a topic also allows its idempotent producer's InitProducerId (KIP-679), so no IDEMPOTENT_WRITE on the
 * cluster; no transactions, so no transactional ids; no CREATE: the launcher creates every topic.</li>
 * <li>ops-console: READ and DESCRIBE on every business and dead-letter topic (timeline, lag, dead letters); WRITE
 * on every business topic, because a replay puts the record back on its original topic; READ on its own group and
 * DESCRIBE on every service's group (lag). It may not write a dead-letter topic.</li>
 * </ul>
 */
final class KafkaAcls {

    /** The broker's own principal, a super user: the launcher and the tests administer Kafka with it. */
    static final String ADMIN = "admin";

    private KafkaAcls() {
    }

    /** Every principal besides the admin: the services of the table and ops-console. */
    static SortedSet<String> servicePrincipals() {
        SortedSet<String> principals = new TreeSet<>(Topics.services());
        principals.add(Topics.OPS_CONSOLE);
        return principals;
    }

    static Set<AclBinding> fromTopicTable() {
        Set<AclBinding> acls = new LinkedHashSet<>();
        for (String service : Topics.services()) {
            for (String topic : Topics.writtenBy(service)) {
                allow(acls, service, ResourceType.TOPIC, topic, AclOperation.WRITE, AclOperation.DESCRIBE);
            }
            for (String topic : Topics.readBy(service)) {
                allow(acls, service, ResourceType.TOPIC, topic, AclOperation.READ, AclOperation.DESCRIBE);
            }
            for (String deadLetters : Topics.deadLetterTopicsOf(service)) {
                allow(acls, service, ResourceType.TOPIC, deadLetters, AclOperation.WRITE, AclOperation.DESCRIBE);
            }
            if (!Topics.readBy(service).isEmpty()) {
                allow(acls, service, ResourceType.GROUP, service, AclOperation.READ);
            }
        }
        String ops = Topics.OPS_CONSOLE;
        for (String topic : Topics.names()) {
            allow(acls, ops, ResourceType.TOPIC, topic, AclOperation.READ, AclOperation.DESCRIBE, AclOperation.WRITE);
        }
        for (String deadLetters : Topics.deadLetterTopics()) {
            allow(acls, ops, ResourceType.TOPIC, deadLetters, AclOperation.READ, AclOperation.DESCRIBE);
        }
        allow(acls, ops, ResourceType.GROUP, ops, AclOperation.READ);
        for (String service : Topics.services()) {
            if (!Topics.readBy(service).isEmpty()) {
                allow(acls, ops, ResourceType.GROUP, service, AclOperation.DESCRIBE);
            }
        }
        return acls;
    }

    private static void allow(Set<AclBinding> acls, String principal, ResourceType type, String name,
            AclOperation... operations) {
        for (AclOperation operation : List.of(operations)) {
            acls.add(new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                    new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW)));
        }
    }
}

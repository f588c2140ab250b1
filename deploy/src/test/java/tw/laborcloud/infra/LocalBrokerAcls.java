package tw.laborcloud.infra;

import java.util.Set;

import org.apache.kafka.common.acl.AclBinding;

/** The ACLs the local stack's broker grants ({@link KafkaAcls}, package-private there), for the deploy tests. */
public final class LocalBrokerAcls {

    private LocalBrokerAcls() {
    }

    public static Set<AclBinding> granted() {
        return KafkaAcls.fromTopicTable();
    }
}

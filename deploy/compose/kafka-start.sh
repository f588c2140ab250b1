#!/usr/bin/env bash
# The compose broker's start (docker-compose.yml, service kafka; image apache/kafka): one KRaft node that is
# broker and controller, configured as the local stack's broker is (infra/.../KafkaBroker.java): clients
# authenticate with SASL/SCRAM-SHA-512 (each service its own principal, set by kafka-setup.sh), the admin alone
# with SASL/PLAIN (its password is in this configuration, so it needs nothing stored in the cluster); the
# StandardAuthorizer allows nothing that no ACL allows; no client may create a topic.
set -euo pipefail
: "${KAFKA_CLUSTER_ID:?set KAFKA_CLUSTER_ID (22 characters of base64url, e.g. from kafka-storage.sh random-uuid)}"
: "${KAFKA_ADMIN_PASSWORD:?set KAFKA_ADMIN_PASSWORD (letters and digits only: it sits inside JAAS quotes)}"
case "$KAFKA_ADMIN_PASSWORD" in *[!A-Za-z0-9]*) echo "KAFKA_ADMIN_PASSWORD: letters and digits only" >&2; exit 1 ;; esac
admin="KAFKA_ADMIN_PASSWORD"
umask 077
config=/tmp/server.properties
cat > "$config" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:9093
listeners=SASL_PLAINTEXT://:9092,CONTROLLER://localhost:9093
advertised.listeners=SASL_PLAINTEXT://kafka:9092
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_PLAINTEXT
listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
listener.name.sasl_plaintext.sasl.enabled.mechanisms=SCRAM-SHA-512,PLAIN
sasl.mechanism.inter.broker.protocol=PLAIN
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${!admin}" user_admin="${!admin}";
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${!admin}" user_admin="${!admin}";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin
log.dirs=/var/lib/kafka/data
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
PROPERTIES
# the admin's client settings, for the health check (kafka-broker-api-versions.sh) inside this container
cat > /tmp/admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${!admin}";
PROPERTIES
/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id "$KAFKA_CLUSTER_ID" --config "$config"
exec /opt/kafka/bin/kafka-server-start.sh "$config"

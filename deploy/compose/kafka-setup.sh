#!/usr/bin/env bash
# GENERATED from the topic table (events/.../Topics.java, infra/.../KafkaAcls.java) by infra's
# ComposeKafkaSetupTests: do not edit. Regenerate after a change of the table with
#   ./mvnw -pl infra test -Dtest=ComposeKafkaSetupTests -Dlaborcloud.compose.write=true
# Run once by docker-compose.yml's kafka-setup service, as the broker's admin (SASL/PLAIN, the only
# mechanism that needs no credential stored in the cluster): sets each principal's SCRAM password from
# the environment, creates every topic (no client may create one), grants exactly the table's ACLs.
# Every step may run again: a password is set again, a topic that exists is kept, an ACL is added once.
set -euo pipefail
bin=/opt/kafka/bin
partitions="${KAFKA_PARTITIONS:-3}"
umask 077
cat > /tmp/admin.properties <<EOF
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD:?set KAFKA_ADMIN_PASSWORD}";
EOF
kafka=(--bootstrap-server "${KAFKA_BOOTSTRAP:-kafka:9092}" --command-config /tmp/admin.properties)
scram() { "$bin/kafka-configs.sh" "${kafka[@]}" --alter --entity-type users --entity-name "$1" --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]"; }
topic() { "$bin/kafka-topics.sh" "${kafka[@]}" --create --if-not-exists --topic "$1" --partitions "$2" --replication-factor "${KAFKA_REPLICATION:-1}"; }
# acl PRINCIPAL topic|group OPERATION[,OPERATION…] NAME…: every operation on every name, in one call
acl() {
  local principal=$1 type=$2 operations=$3 args=()
  shift 3
  for operation in ${operations//,/ }; do args+=(--operation "$operation"); done
  for name in "$@"; do args+=("--$type" "$name"); done
  "$bin/kafka-acls.sh" "${kafka[@]}" --add --allow-principal "User:$principal" "${args[@]}" >/dev/null
}

# each service and the ops console: one SCRAM-SHA-512 principal named like it
scram document-service "${KAFKA_PASSWORD_DOCUMENT_SERVICE:?set KAFKA_PASSWORD_DOCUMENT_SERVICE}"
scram notification-service "${KAFKA_PASSWORD_NOTIFICATION_SERVICE:?set KAFKA_PASSWORD_NOTIFICATION_SERVICE}"
scram ops-console "${KAFKA_PASSWORD_OPS_CONSOLE:?set KAFKA_PASSWORD_OPS_CONSOLE}"
scram registration-service "${KAFKA_PASSWORD_REGISTRATION_SERVICE:?set KAFKA_PASSWORD_REGISTRATION_SERVICE}"
scram review-service "${KAFKA_PASSWORD_REVIEW_SERVICE:?set KAFKA_PASSWORD_REVIEW_SERVICE}"
scram union-affairs-service "${KAFKA_PASSWORD_UNION_AFFAIRS_SERVICE:?set KAFKA_PASSWORD_UNION_AFFAIRS_SERVICE}"

# the topics of the table; each consumer's dead-letter topic (1 partition, as the binder's dlq-partitions)
topic union.account.activated "$partitions"
topic union.affairs.filing-decided "$partitions"
topic union.affairs.filing-submitted "$partitions"
topic union.application.approved "$partitions"
topic union.application.rejected "$partitions"
topic union.application.supplement-requested "$partitions"
topic union.documents.verified "$partitions"
topic union.registration.documents-replaced "$partitions"
topic union.registration.email-confirmation-requested "$partitions"
topic union.registration.email-confirmed "$partitions"
topic union.registration.submitted "$partitions"
topic error.union.account.activated.document-service 1
topic error.union.account.activated.notification-service 1
topic error.union.account.activated.union-affairs-service 1
topic error.union.affairs.filing-decided.notification-service 1
topic error.union.affairs.filing-decided.registration-service 1
topic error.union.affairs.filing-decided.union-affairs-service 1
topic error.union.affairs.filing-submitted.document-service 1
topic error.union.affairs.filing-submitted.review-service 1
topic error.union.application.approved.registration-service 1
topic error.union.application.rejected.notification-service 1
topic error.union.application.rejected.registration-service 1
topic error.union.application.supplement-requested.notification-service 1
topic error.union.application.supplement-requested.registration-service 1
topic error.union.documents.verified.registration-service 1
topic error.union.documents.verified.review-service 1
topic error.union.registration.documents-replaced.document-service 1
topic error.union.registration.documents-replaced.review-service 1
topic error.union.registration.email-confirmation-requested.notification-service 1
topic error.union.registration.email-confirmed.review-service 1
topic error.union.registration.submitted.document-service 1
topic error.union.registration.submitted.notification-service 1
topic error.union.registration.submitted.review-service 1

# the ACLs: nothing else is allowed (allow.everyone.if.no.acl.found=false)
acl document-service group Read document-service
acl document-service topic Describe,Read union.account.activated union.affairs.filing-submitted union.registration.documents-replaced union.registration.submitted
acl document-service topic Describe,Write error.union.account.activated.document-service error.union.affairs.filing-submitted.document-service error.union.registration.documents-replaced.document-service error.union.registration.submitted.document-service union.documents.verified
acl notification-service group Read notification-service
acl notification-service topic Describe,Read union.account.activated union.affairs.filing-decided union.application.rejected union.application.supplement-requested union.registration.email-confirmation-requested union.registration.submitted
acl notification-service topic Describe,Write error.union.account.activated.notification-service error.union.affairs.filing-decided.notification-service error.union.application.rejected.notification-service error.union.application.supplement-requested.notification-service error.union.registration.email-confirmation-requested.notification-service error.union.registration.submitted.notification-service
acl ops-console group Describe document-service notification-service registration-service review-service union-affairs-service
acl ops-console group Read ops-console
acl ops-console topic Describe,Read error.union.account.activated.document-service error.union.account.activated.notification-service error.union.account.activated.union-affairs-service error.union.affairs.filing-decided.notification-service error.union.affairs.filing-decided.registration-service error.union.affairs.filing-decided.union-affairs-service error.union.affairs.filing-submitted.document-service error.union.affairs.filing-submitted.review-service error.union.application.approved.registration-service error.union.application.rejected.notification-service error.union.application.rejected.registration-service error.union.application.supplement-requested.notification-service error.union.application.supplement-requested.registration-service error.union.documents.verified.registration-service error.union.documents.verified.review-service error.union.registration.documents-replaced.document-service error.union.registration.documents-replaced.review-service error.union.registration.email-confirmation-requested.notification-service error.union.registration.email-confirmed.review-service error.union.registration.submitted.document-service error.union.registration.submitted.notification-service error.union.registration.submitted.review-service
acl ops-console topic Describe,Read,Write union.account.activated union.affairs.filing-decided union.affairs.filing-submitted union.application.approved union.application.rejected union.application.supplement-requested union.documents.verified union.registration.documents-replaced union.registration.email-confirmation-requested union.registration.email-confirmed union.registration.submitted
acl registration-service group Read registration-service
acl registration-service topic Describe,Read union.affairs.filing-decided union.application.approved union.application.rejected union.application.supplement-requested union.documents.verified
acl registration-service topic Describe,Write error.union.affairs.filing-decided.registration-service error.union.application.approved.registration-service error.union.application.rejected.registration-service error.union.application.supplement-requested.registration-service error.union.documents.verified.registration-service union.account.activated union.registration.documents-replaced union.registration.email-confirmation-requested union.registration.email-confirmed union.registration.submitted
acl review-service group Read review-service
acl review-service topic Describe,Read union.affairs.filing-submitted union.documents.verified union.registration.documents-replaced union.registration.email-confirmed union.registration.submitted
acl review-service topic Describe,Write error.union.affairs.filing-submitted.review-service error.union.documents.verified.review-service error.union.registration.documents-replaced.review-service error.union.registration.email-confirmed.review-service error.union.registration.submitted.review-service union.affairs.filing-decided union.application.approved union.application.rejected union.application.supplement-requested
acl union-affairs-service group Read union-affairs-service
acl union-affairs-service topic Describe,Read union.account.activated union.affairs.filing-decided
acl union-affairs-service topic Describe,Write error.union.account.activated.union-affairs-service error.union.affairs.filing-decided.union-affairs-service union.affairs.filing-submitted
echo "kafka-setup: 6 principals, 33 topics, 198 ACLs"

package tw.laborcloud.ops.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import tw.laborcloud.events.Topics;
import tw.laborcloud.ops.config.OpsProperties;
import tw.laborcloud.platform.web.ApiException;

/**
 * Reads the state of Kafka through the AdminClient: topics with their partitions and offsets,
 * and every consumer group with its committed offsets and lag per partition. The lag of a
 * partition a group has not committed on yet counts from the earliest retained offset, which
 * is where the services start ({@code start-offset=earliest}).
 */
@Component
public class KafkaOverview {

    static final long TIMEOUT_SECONDS = 10;
    public static final String DEAD_LETTER_PREFIX = "error.";

    private final Admin admin;
    private final String ownGroup;

    public KafkaOverview(Admin admin, OpsProperties properties) {
        this.admin = admin;
        this.ownGroup = properties.consumerGroup();
    }

    public enum TopicKind { BUSINESS, DEAD_LETTER, OTHER }

    public record PartitionInfo(int partition, Integer leader, long beginOffset, long endOffset) {
    }

    /** @param ratePerMinute records appended per minute over the last minute; null until two samples exist */
    public record TopicInfo(String name, TopicKind kind, List<PartitionInfo> partitions, long endOffsetTotal,
            long retained, Double ratePerMinute) {
    }

    /** @param committed null when the group has not committed on this partition yet */
    public record PartitionLag(String topic, int partition, Long committed, long endOffset, long lag) {
    }

    public record GroupInfo(String groupId, String state, int members, long totalLag, List<PartitionLag> partitions,
            boolean console) {

        /** Lag summed per topic. */
        public Map<String, Long> lagByTopic() {
            return partitions.stream().collect(Collectors.groupingBy(PartitionLag::topic, java.util.TreeMap::new,
                    Collectors.summingLong(PartitionLag::lag)));
        }
    }

    public static TopicKind kindOf(String topic) {
        if (topic.startsWith(DEAD_LETTER_PREFIX)) {
            return TopicKind.DEAD_LETTER;
        }
        return Topics.ALL.stream().anyMatch(t -> t.name().equals(topic)) ? TopicKind.BUSINESS : TopicKind.OTHER;
    }

    public List<TopicInfo> topics(Map<String, Double> ratesPerMinute) {
        Set<String> names = get(admin.listTopics(new ListTopicsOptions().listInternal(false)).names());
        Map<String, TopicDescription> descriptions = get(admin.describeTopics(names).allTopicNames());
        List<TopicPartition> partitions = partitionsOf(descriptions.values());
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> begin = offsets(partitions, OffsetSpec.earliest());
        List<TopicInfo> topics = new ArrayList<>();
        for (TopicDescription d : descriptions.values()) {
            List<PartitionInfo> infos = d.partitions().stream()
                    .map(p -> {
                        TopicPartition tp = new TopicPartition(d.name(), p.partition());
                        return new PartitionInfo(p.partition(), p.leader() == null ? null : p.leader().id(),
                                begin.getOrDefault(tp, 0L), end.getOrDefault(tp, 0L));
                    })
                    .sorted(Comparator.comparingInt(PartitionInfo::partition))
                    .toList();
            long endTotal = infos.stream().mapToLong(PartitionInfo::endOffset).sum();
            long retained = infos.stream().mapToLong(p -> p.endOffset() - p.beginOffset()).sum();
            topics.add(new TopicInfo(d.name(), kindOf(d.name()), infos, endTotal, retained,
                    ratesPerMinute.get(d.name())));
        }
        topics.sort(Comparator.comparing((TopicInfo t) -> t.kind().ordinal()).thenComparing(TopicInfo::name));
        return topics;
    }

    /**
     * Every consumer group (the console's own included, flagged) with its lag per partition. Besides
     * the groups Kafka lists, a group is known from its dead-letter topics: the binder creates
     * {@code error.<topic>.<group>} when a service binds, so a service that is down, even one that
     * never committed an offset, still shows the lag of every topic it consumes.
     */
    public List<GroupInfo> groups() {
        Collection<GroupListing> listings = get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all());
        List<String> listed = listings.stream().map(GroupListing::groupId).sorted().toList();
        Map<String, Set<String>> boundTopics = boundTopicsByGroup(
                get(admin.listTopics(new ListTopicsOptions().listInternal(false)).names()));
        List<String> ids = java.util.stream.Stream.concat(listed.stream(), boundTopics.keySet().stream())
                .distinct().sorted().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, ConsumerGroupDescription> descriptions = listed.isEmpty() ? Map.of()
                : get(admin.describeConsumerGroups(listed).all());
        Map<String, ListConsumerGroupOffsetsSpec> specs = listed.stream()
                .collect(Collectors.toMap(Function.identity(), id -> new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = specs.isEmpty() ? Map.of()
                : get(admin.listConsumerGroupOffsets(specs).all());

        // a group consumes a topic when it committed on it, a member holds one of its partitions,
        // or its dead-letter topic for it exists
        Map<String, Set<String>> topicsOfGroup = new HashMap<>();
        for (String id : ids) {
            Set<String> topics = new HashSet<>(boundTopics.getOrDefault(id, Set.of()));
            committed.getOrDefault(id, Map.of()).keySet().forEach(tp -> topics.add(tp.topic()));
            ConsumerGroupDescription d = descriptions.get(id);
            if (d != null) {
                for (MemberDescription m : d.members()) {
                    m.assignment().topicPartitions().forEach(tp -> topics.add(tp.topic()));
                }
            }
            topicsOfGroup.put(id, topics);
        }
        Set<String> allTopics = topicsOfGroup.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        Map<String, TopicDescription> topicDescriptions = allTopics.isEmpty() ? Map.of()
                : get(admin.describeTopics(allTopics).allTopicNames());
        List<TopicPartition> partitions = partitionsOf(topicDescriptions.values());
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> begin = offsets(partitions, OffsetSpec.earliest());

        List<GroupInfo> groups = new ArrayList<>();
        for (String id : ids) {
            Map<TopicPartition, OffsetAndMetadata> offsets = committed.getOrDefault(id, Map.of());
            List<PartitionLag> lags = partitions.stream()
                    .filter(tp -> topicsOfGroup.get(id).contains(tp.topic()))
                    .map(tp -> {
                        OffsetAndMetadata c = offsets.get(tp);
                        long e = end.getOrDefault(tp, 0L);
                        Long position = c == null ? null : c.offset();
                        long from = position == null ? begin.getOrDefault(tp, 0L) : position;
                        return new PartitionLag(tp.topic(), tp.partition(), position, e, Math.max(0, e - from));
                    })
                    .sorted(Comparator.comparing(PartitionLag::topic).thenComparingInt(PartitionLag::partition))
                    .toList();
            ConsumerGroupDescription d = descriptions.get(id);
            // UNKNOWN: Kafka does not know the group (never joined, or expired): known from its dead-letter topics
            groups.add(new GroupInfo(id, d == null ? "UNKNOWN" : String.valueOf(d.groupState()),
                    d == null ? 0 : d.members().size(), lags.stream().mapToLong(PartitionLag::lag).sum(), lags,
                    id.equals(ownGroup)));
        }
        return groups;
    }

    /** group -> the topics it binds, read from the names of the dead-letter topics {@code error.<topic>.<group>}. */
    static Map<String, Set<String>> boundTopicsByGroup(Set<String> topicNames) {
        Map<String, Set<String>> out = new HashMap<>();
        for (String name : topicNames) {
            if (!name.startsWith(DEAD_LETTER_PREFIX)) {
                continue;
            }
            topicNames.stream()
                    .filter(t -> !t.startsWith(DEAD_LETTER_PREFIX) && name.startsWith(DEAD_LETTER_PREFIX + t + "."))
                    .max(Comparator.comparingInt(String::length))
                    .ifPresent(t -> out.computeIfAbsent(name.substring(DEAD_LETTER_PREFIX.length() + t.length() + 1),
                            g -> new HashSet<>()).add(t));
        }
        return out;
    }

    /** Committed offsets of every consumer group on these topics: group -> partition -> next offset to read. */
    public Map<String, Map<TopicPartition, Long>> committedOffsets(Set<String> topics) {
        Map<String, Map<TopicPartition, Long>> out = new HashMap<>();
        for (GroupInfo g : groups()) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            for (PartitionLag p : g.partitions()) {
                if (topics.contains(p.topic()) && p.committed() != null) {
                    offsets.put(new TopicPartition(p.topic(), p.partition()), p.committed());
                }
            }
            if (!offsets.isEmpty() && !g.console()) {
                out.put(g.groupId(), offsets);
            }
        }
        return out;
    }

    public int partitionCount(String topic) {
        return get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().size();
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), tp -> spec));
        Map<TopicPartition, ListOffsetsResultInfo> result = get(admin.listOffsets(request).all());
        Map<TopicPartition, Long> out = new HashMap<>();
        result.forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    private static List<TopicPartition> partitionsOf(Collection<TopicDescription> descriptions) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (TopicDescription d : descriptions) {
            d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition())));
        }
        return partitions;
    }

    static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e);
        }
    }

    private static ApiException unavailable(Throwable cause) {
        ApiException e = new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "KAFKA_UNAVAILABLE",
                "目前無法取得 Kafka 的狀態，請稍後再試（" + cause.getClass().getSimpleName() + "）。", List.of());
        e.initCause(cause);
        return e;
    }
}

package tw.laborcloud.ops.kafka;

import java.time.Duration;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tw.laborcloud.ops.kafka.KafkaOverview.GroupInfo;
import tw.laborcloud.ops.kafka.KafkaOverview.TopicInfo;

@RestController
@RequestMapping("/api/ops")
class KafkaController {

    private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    private final KafkaOverview kafka;
    private final LagHistory history;

    KafkaController(KafkaOverview kafka, LagHistory history) {
        this.kafka = kafka;
        this.history = history;
    }

    @GetMapping("/topics")
    List<TopicInfo> topics() {
        return kafka.topics(history.ratesPerMinute(RATE_WINDOW));
    }

    @GetMapping("/consumer-groups")
    List<GroupInfo> groups() {
        return kafka.groups();
    }

    /** Total lag per group over the last {@code minutes} (at most what the ring buffer holds). */
    @GetMapping("/lag-history")
    LagHistory.Series lagHistory(@RequestParam(defaultValue = "60") int minutes) {
        return history.series(Duration.ofMinutes(Math.clamp(minutes, 1, 24 * 60)));
    }
}

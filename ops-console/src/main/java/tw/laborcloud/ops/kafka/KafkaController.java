package tw.laborcloud.ops.kafka;

import java.time.Duration;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.laborcloud.ops.kafka.KafkaOverview.GroupInfo;
import tw.laborcloud.ops.kafka.KafkaOverview.TopicInfo;

@Tag(name = "Kafka", description = "Kafka 主題與消費群組")
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

    @Operation(summary = "主題清單", description = "各主題之分區、訊息數與保留設定。")
    @GetMapping("/topics")
    List<TopicInfo> topics() {
        return kafka.topics(history.ratesPerMinute(RATE_WINDOW));
    }

    @Operation(summary = "消費群組", description = "各消費群組之狀態與各分區延遲（lag）。")
    @GetMapping("/consumer-groups")
    List<GroupInfo> groups() {
        return kafka.groups();
    }

    /** Total lag per group over the last {@code minutes} (at most what the ring buffer holds). */
    @Operation(summary = "延遲歷程", description = "最近 minutes 分鐘（預設 60，1 至 1440）內各消費群組之延遲，供繪圖。")
    @GetMapping("/lag-history")
    LagHistory.Series lagHistory(@RequestParam(defaultValue = "60") int minutes) {
        return history.series(Duration.ofMinutes(Math.clamp(minutes, 1, 24 * 60)));
    }
}

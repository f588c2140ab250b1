package tw.laborcloud.ops.deadletter;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.laborcloud.ops.console.Operators;
import tw.laborcloud.ops.deadletter.DeadLetter.Status;
import tw.laborcloud.platform.web.ApiException;
import tw.laborcloud.platform.web.ClientAddress;

@Tag(name = "死信", description = "處理失敗之事件與重送")
@RestController
@RequestMapping("/api/ops")
class DeadLetterController {

    private final DeadLetters deadLetters;
    private final Replayer replayer;
    private final ReplayAudits audits;

    DeadLetterController(DeadLetters deadLetters, Replayer replayer, ReplayAudits audits) {
        this.deadLetters = deadLetters;
        this.replayer = replayer;
        this.audits = audits;
    }

    /** Newest first; optionally of one dead-letter topic and/or in one status. */
    @Operation(summary = "死信清單", description = "可依主題與狀態篩選。")
    @GetMapping("/dead-letters")
    List<DeadLetter> list(@RequestParam(required = false) String topic, @RequestParam(required = false) Status status) {
        return deadLetters.list(topic, status, 500);
    }

    @Operation(summary = "一筆死信", description = "事件內容（個人資料已遮罩）、失敗原因與重送紀錄。")
    @GetMapping("/dead-letters/{id}")
    DeadLetter one(@PathVariable String id) {
        return deadLetters.find(id).orElseThrow(() -> ApiException.notFound("DEAD_LETTER_NOT_FOUND", "找不到這筆死信訊息。"));
    }

    @Operation(summary = "重送一筆死信", description = "將事件送回原主題，記錄操作人員與來源位址。")
    @PostMapping("/dead-letters/{id}/replay")
    Replayer.ReplayResult replay(@PathVariable String id, Authentication who, HttpServletRequest request) {
        return replayer.replay(id, Operators.name(who), origin(request));
    }

    /** Replays every waiting dead letter, of one dead-letter topic when {@code topic} is given. */
    @Operation(summary = "重送多筆死信", description = "重送某主題（或全部）尚未重送之死信。")
    @PostMapping("/dead-letters/replay")
    Replayer.BatchResult replayAll(@RequestParam(required = false) String topic, Authentication who,
            HttpServletRequest request) {
        return replayer.replayAll(topic, Operators.name(who), origin(request));
    }

    @Operation(summary = "重送紀錄", description = "誰於何時重送了哪些死信。")
    @GetMapping("/replays")
    List<ReplayAudit> replays(@RequestParam(required = false) String deadLetterId) {
        return deadLetterId == null ? audits.recent(200) : audits.ofDeadLetter(deadLetterId);
    }

    /** The operator's address (through the gateway, the browser's: see {@link ClientAddress}). */
    static String origin(HttpServletRequest request) {
        return ClientAddress.of(request);
    }
}

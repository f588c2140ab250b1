package tw.laborcloud.unionaffairs.filing;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.laborcloud.unionaffairs.access.OfficerReads;
import tw.laborcloud.unionaffairs.filing.FilingService.Draft;
import tw.laborcloud.unionaffairs.filing.FilingViews.FilingSummary;
import tw.laborcloud.unionaffairs.filing.FilingViews.FilingTypeView;
import tw.laborcloud.unionaffairs.filing.FilingViews.FilingView;
import tw.laborcloud.unionaffairs.profile.UnionIdentity;

/**
 * The union's filings (its own only: the union comes from the token, never from the
 * request), and the officers' read-only view of a union's submitted filings.
 */
@Tag(name = "會務申請或備查", description = "工會線上提出會務申請或備查")
@RestController
class FilingController {

    private final FilingService service;
    private final Clock clock;
    private final OfficerReads officerReads;

    FilingController(FilingService service, Clock clock, OfficerReads officerReads) {
        this.officerReads = officerReads;
        this.service = service;
        this.clock = clock;
    }

    @Operation(summary = "案件類別", description = "可提出之會務案件類別、各類之欄位與應附文件。")
    @GetMapping("/api/union/filing-types")
    List<FilingTypeView> types() {
        return Arrays.stream(FilingType.values()).map(FilingTypeView::of).toList();
    }

    @Operation(summary = "本工會之案件", description = "登入工會自身之會務案件與其狀態。")
    @GetMapping("/api/union/filings")
    List<FilingSummary> list(@AuthenticationPrincipal Jwt jwt) {
        return service.list(UnionIdentity.ownUnionId(jwt)).stream().map(f -> FilingSummary.of(f, clock)).toList();
    }

    @Operation(summary = "新增案件（暫存）", description = "以類別與欄位建立一件暫存案件；欄位錯誤以 400 逐欄列出。")
    @PostMapping("/api/union/filings")
    @ResponseStatus(HttpStatus.CREATED)
    FilingView create(@AuthenticationPrincipal Jwt jwt, @RequestBody Draft request) {
        return view(service.create(UnionIdentity.ownUnionId(jwt), UnionIdentity.actor(jwt), request));
    }

    @Operation(summary = "一件案件", description = "案件之欄位、附件、狀態與審查結果。")
    @GetMapping("/api/union/filings/{filingId}")
    FilingView one(@AuthenticationPrincipal Jwt jwt, @PathVariable String filingId) {
        return view(service.own(UnionIdentity.ownUnionId(jwt), filingId));
    }

    @Operation(summary = "修改暫存或待補正之案件", description = "須附案件之 revision；他人已先修改時 409。")
    @PutMapping("/api/union/filings/{filingId}")
    FilingView update(@AuthenticationPrincipal Jwt jwt, @PathVariable String filingId, @RequestBody Draft request) {
        return view(service.update(UnionIdentity.ownUnionId(jwt), UnionIdentity.actor(jwt), filingId, request));
    }

    @Operation(summary = "刪除暫存案件", description = "僅暫存中之案件可刪除。")
    @DeleteMapping("/api/union/filings/{filingId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String filingId) {
        service.delete(UnionIdentity.ownUnionId(jwt), filingId);
    }

    record Submission(Long revision) {
    }

    @Operation(summary = "送出案件", description = "檢查必填欄位與應附文件後送交勞工局審查。")
    @PostMapping("/api/union/filings/{filingId}/submit")
    FilingView submit(@AuthenticationPrincipal Jwt jwt, @PathVariable String filingId,
            @RequestBody Submission request) {
        return view(service.submit(UnionIdentity.ownUnionId(jwt), UnionIdentity.actor(jwt), filingId,
                request.revision()));
    }

    /** Officers see what was submitted; a draft the union never sent is its own business. */
    @Operation(summary = "一個工會之案件", description = "供審查人員查閱。")
    @GetMapping("/api/union/profiles/{unionId}/filings")
    List<FilingSummary> ofUnion(@PathVariable String unionId, Authentication reader, HttpServletRequest request) {
        List<FilingSummary> filings = service.list(unionId).stream().filter(f -> f.round() > 0)
                .map(f -> FilingSummary.of(f, clock)).toList();
        officerReads.record(reader, request, unionId, "FILINGS");
        return filings;
    }

    @Operation(summary = "一個工會之一件案件", description = "供審查人員查閱。")
    @GetMapping("/api/union/profiles/{unionId}/filings/{filingId}")
    FilingView oneOfUnion(@PathVariable String unionId, @PathVariable String filingId, Authentication reader,
            HttpServletRequest request) {
        Filing filing = service.own(unionId, filingId);
        if (filing.round() == 0) {
            throw FilingService.notFound();
        }
        officerReads.record(reader, request, unionId, "FILING " + filingId);
        return view(filing);
    }

    private FilingView view(Filing filing) {
        return FilingView.of(filing, clock);
    }
}

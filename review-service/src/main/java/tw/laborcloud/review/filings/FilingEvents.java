package tw.laborcloud.review.filings;

import java.time.Instant;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Update;

import tw.laborcloud.events.affairs.FilingSubmitted;
import tw.laborcloud.platform.inbound.Inbound;
import tw.laborcloud.review.cases.ReviewCase.HistoryEntry;

/** Filings arrive from the union-affairs service; each submission (round) opens the filing for review again. */
@Configuration(proxyBeanMethods = false)
class FilingEvents {

    @Bean
    Consumer<FilingSubmitted> filingSubmitted(FilingCases filings) {
        return Inbound.handler(e -> filings.applyOnce(e.applicationId(), e.eventId(), new Update()
                .set("unionId", e.unionId())
                .set("certificateNo", e.certificateNo())
                .set("unionName", e.unionName())
                .set("filingType", e.filingType())
                .set("filingTypeLabel", e.filingTypeLabel())
                .set("round", e.round())
                .set("form", e.form())
                .set("attachments", e.attachments())
                .set("dueBy", e.dueBy())
                .set("overdue", e.overdue())
                .set("submittedAt", e.occurredAt())
                // a page showing the previous round must not act on this one
                .inc("revision", 1L)
                .push("history", new HistoryEntry(Instant.now(), "system", "FILING_SUBMITTED",
                        "第 " + e.round() + " 次送件", null))));
    }
}

package tw.laborcloud.review.web;

import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletResponse;
import tw.laborcloud.events.registration.UnionTypes;
import tw.laborcloud.review.cases.CaseStatus;
import tw.laborcloud.review.cases.ReviewCase;
import tw.laborcloud.review.filings.FilingCase;
import tw.laborcloud.web.PageLabels;

/**
 * The officers' pages, rendered from templates/review/ (one layout, the parts a case and a filing share,
 * one template a page) at short addresses (the gateway sends /review/** here). The addresses the pages had
 * as static files (/review/filings.html and so on) still answer: officers keep bookmarks.
 */
@Controller
class PagesController {

    /** The registrations queue's status filter: what waits for an officer first, then what waits for others. */
    private static final List<CaseStatus> QUEUE_STATUSES = List.of(CaseStatus.READY_FOR_REVIEW, CaseStatus.AWAITING_SIGN_OFF,
            CaseStatus.AWAITING_DOCUMENTS, CaseStatus.AWAITING_SUPPLEMENTS, CaseStatus.AWAITING_REGISTRATION,
            CaseStatus.APPROVED, CaseStatus.REJECTED);

    @ModelAttribute
    void everyPage(Model model, HttpServletResponse response) {
        // the pages run with the officer's session: never from a shared cache
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        model.addAttribute("labels", PageLabels.json());
    }

    @GetMapping({"/review", "/review/", "/review/index.html"})
    String queue(Model model) {
        model.addAttribute("statuses", QUEUE_STATUSES);
        return "review/index";
    }

    @GetMapping({"/review/case", "/review/case.html"})
    String reviewCase(Model model) {
        // the proposal's outcomes, in the words the API's answers and the audit use
        model.addAttribute("outcomes", ReviewCase.Outcome.values());
        return "review/case";
    }

    @GetMapping({"/review/filings", "/review/filings.html"})
    String filings(Model model) {
        model.addAttribute("statuses", FilingCase.Status.values());
        return "review/filings";
    }

    @GetMapping({"/review/filing", "/review/filing.html"})
    String filing(Model model) {
        model.addAttribute("outcomes", FilingCase.Outcome.values());
        return "review/filing";
    }

    @GetMapping({"/review/register", "/review/register.html"})
    String register(Model model) {
        model.addAttribute("unionTypes", UnionTypes.labels());
        return "review/register";
    }
}

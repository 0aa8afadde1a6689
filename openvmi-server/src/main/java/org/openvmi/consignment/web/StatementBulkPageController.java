package org.openvmi.consignment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.openvmi.consignment.BulkStatementRequest;
import org.openvmi.consignment.BulkStatementResult;
import org.openvmi.consignment.Settlements;
import org.openvmi.consignment.StatementCandidate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Issue this period's statements": the suppliers with open lines up to the end of a month (by default the month
 * that has just ended, once all of its are issued the current one) with their totals, and one button that makes and issues all of them. The form carries an
 * idempotency key so a double submit issues once.
 */
@Controller
class StatementBulkPageController {

    private final Settlements settlements;
    private final Pages pages;
    private final Clock clock;

    StatementBulkPageController(Settlements settlements, Pages pages, Clock clock) {
        this.settlements = settlements;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/settlements/bulk")
    String candidates(@RequestParam(required = false) String period, Model model) {
        String month = period == null || period.isBlank() ? defaultMonth() : period.trim();
        AtomicReference<List<StatementCandidate>> found = new AtomicReference<>(List.of());
        String error = pages.refusalText(() -> found.set(settlements.candidates(month)));
        List<StatementCandidate> candidates = found.get();
        model.addAttribute("period", month);
        model.addAttribute("candidates", candidates);
        model.addAttribute(
                "issuable",
                candidates.stream().filter(StatementCandidate::issuable).count());
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        if (error != null) {
            model.addAttribute("flashError", error);
        }
        return "consignment/statements-bulk";
    }

    /** The month that has just ended while it has statements to issue, else the current one. */
    private String defaultMonth() {
        YearMonth current = YearMonth.from(LocalDate.now(clock));
        String previous = current.minusMonths(1).toString();
        return settlements.candidates(previous).stream().anyMatch(StatementCandidate::issuable)
                ? previous
                : current.toString();
    }

    /**
     * Issues the checked suppliers' statements; {@code picked} marks a post from the page's checkboxes, where none
     * checked means none (the API reads an empty list as every supplier), so that is refused rather than all issued.
     */
    @PostMapping("/settlements/bulk")
    String issue(
            @RequestParam String period,
            @RequestParam(required = false) String requestKey,
            @RequestParam(required = false) List<String> suppliers,
            @RequestParam(required = false) boolean picked,
            RedirectAttributes redirect) {
        redirect.addAttribute("period", period);
        if (picked && (suppliers == null || suppliers.isEmpty())) {
            redirect.addFlashAttribute("flashError", pages.text("vmi.bulk.noneChecked"));
            return "redirect:/settlements/bulk";
        }
        AtomicReference<BulkStatementResult> result = new AtomicReference<>();
        String error = pages.refusalText(
                () -> result.set(settlements.issueAll(new BulkStatementRequest(period, suppliers, null), requestKey)));
        if (error != null) {
            redirect.addFlashAttribute("flashError", error);
        } else {
            redirect.addFlashAttribute(
                    "flash",
                    pages.text(
                            "vmi.bulk.issued",
                            result.get().issued(),
                            result.get().refused()));
            redirect.addFlashAttribute("bulkResult", result.get());
        }
        return "redirect:/settlements/bulk";
    }
}

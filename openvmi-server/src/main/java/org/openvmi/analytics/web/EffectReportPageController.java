package org.openvmi.analytics.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.analytics.EffectReport;
import org.openvmi.analytics.EffectReportRequest;
import org.openvmi.analytics.EffectReports;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The effect report page (ADR 0040): the form, the totals of both policies as bars, the items paged; apply posts the
 * same form and writes the engine's lines.
 */
@Controller
class EffectReportPageController {

    private static final int PAGE_SIZE = 20;

    private final EffectReports reports;
    private final JsonMapper json;
    private final MessageSource messages;
    private final ItemCatalog items;

    EffectReportPageController(EffectReports reports, JsonMapper json, MessageSource messages, ItemCatalog items) {
        this.items = items;
        this.reports = reports;
        this.json = json;
        this.messages = messages;
    }

    /** The form's fields as the page sends them (items as one comma-separated text). */
    record Form(
            String items,
            String warehouse,
            LocalDate from,
            LocalDate to,
            EffectReportRequest.Baseline baseline,
            Integer coverWeeks,
            BigDecimal target,
            Integer leadTimeWeeks,
            Integer page,
            String category) {

        EffectReportRequest request() {
            List<String> codes = items == null
                    ? List.of()
                    : Arrays.stream(items.split("[,\\s]+"))
                            .filter(s -> !s.isBlank())
                            .toList();
            return new EffectReportRequest(
                    codes,
                    warehouse,
                    from,
                    to,
                    baseline,
                    coverWeeks,
                    target,
                    leadTimeWeeks,
                    category == null || category.isBlank() ? null : category);
        }

        boolean submitted() {
            return warehouse != null && !warehouse.isBlank();
        }
    }

    @GetMapping("/analytics/effect-report")
    String page(@ModelAttribute("form") Form form, Model model) {
        model.addAttribute("categories", items.categories());
        if (form.submitted()) {
            try {
                EffectReport report = reports.report(form.request());
                int page = form.page() == null || form.page() < 0 ? 0 : form.page();
                List<EffectReport.ItemEffect> all = report.items();
                int start = Math.min(page * PAGE_SIZE, all.size());
                model.addAttribute("report", report);
                model.addAttribute(
                        "itemPage",
                        new PageResult<>(
                                all.subList(start, Math.min(start + PAGE_SIZE, all.size())),
                                page,
                                PAGE_SIZE,
                                all.size()));
                model.addAttribute("chartJson", json.writeValueAsString(chart(report)));
            } catch (InvalidInputException e) {
                // each field with its problem in the page's language (the refusals carry stable codes)
                model.addAttribute("problems", FormErrors.byField(e, messages));
            }
        }
        return "analytics/effect-report";
    }

    @PostMapping("/analytics/effect-report/apply")
    String apply(@ModelAttribute("form") Form form, RedirectAttributes redirect) {
        try {
            int saved = reports.apply(form.request()).size();
            redirect.addFlashAttribute(
                    "flash",
                    messages.getMessage("effect.applied", new Object[] {saved}, LocaleContextHolder.getLocale()));
        } catch (InvalidInputException e) {
            var locale = LocaleContextHolder.getLocale();
            Map.Entry<String, String> first =
                    FormErrors.byField(e, messages).entrySet().iterator().next();
            redirect.addFlashAttribute(
                    "flash",
                    messages.getMessage("effect.field." + first.getKey(), null, first.getKey(), locale) + ": "
                            + first.getValue());
        }
        return "redirect:"
                + UriComponentsBuilder.fromPath("/analytics/effect-report")
                        .queryParam("items", form.items())
                        .queryParam("warehouse", form.warehouse())
                        .queryParam("from", form.from())
                        .queryParam("to", form.to())
                        .queryParam("baseline", form.baseline())
                        .queryParam("coverWeeks", form.coverWeeks())
                        .queryParam("target", form.target())
                        .queryParam("leadTimeWeeks", form.leadTimeWeeks())
                        .queryParam("category", form.category())
                        .build()
                        .encode()
                        .toUriString();
    }

    /** The bars: each figure of both policies (the figures as numbers; labels come from the page). */
    private static Map<String, Object> chart(EffectReport r) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("baseline", figures(r.baseline()));
        chart.put("engine", figures(r.engine()));
        return chart;
    }

    private static List<Object> figures(EffectReport.PolicyFigures f) {
        return Arrays.asList(f.turnoverDays(), f.averageInventoryValue(), f.stockoutRate(), f.fillRate(), f.orders());
    }
}

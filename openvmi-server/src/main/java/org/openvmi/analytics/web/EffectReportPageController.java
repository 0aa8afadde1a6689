package org.openvmi.analytics.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.openvmi.shared.web.XlsxDownload;
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
    private final java.time.Clock clock;

    EffectReportPageController(
            EffectReports reports, JsonMapper json, MessageSource messages, ItemCatalog items, java.time.Clock clock) {
        this.items = items;
        this.clock = clock;
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

    /**
     * The report of the form's fields as a spreadsheet: the totals of both policies first, then every item (not one
     * page), each figure of (a) and (b) side by side. Refused fields: 400 naming them (as the API).
     */
    @GetMapping("/analytics/effect-report/export")
    void export(@ModelAttribute("form") Form form, HttpServletResponse response) throws IOException {
        if (!form.submitted()) {
            throw InvalidInputException.of("warehouse", org.openvmi.shared.CodedRefusal.required());
        }
        EffectReport report = reports.report(form.request());
        java.util.Locale locale = LocaleContextHolder.getLocale();
        List<String> headings = new ArrayList<>(
                List.of(text("effect.item", locale), text("effect.itemName", locale), text("effect.demand", locale)));
        for (String figure : List.of(
                "effect.turnoverDays",
                "effect.averageValue",
                "effect.stockoutRate",
                "effect.fillRate",
                "effect.orders")) {
            headings.add(text(figure, locale) + " (a)");
            headings.add(text(figure, locale) + " (b)");
        }
        headings.addAll(List.of(
                text("effect.engineSafety", locale),
                text("effect.engineWarning", locale),
                text("effect.engineMax", locale)));
        List<List<?>> rows = new ArrayList<>();
        rows.add(row(text("effect.total", locale), null, null, report.baseline(), report.engine(), null, null, null));
        for (EffectReport.ItemEffect i : report.items()) {
            rows.add(row(
                    i.item(),
                    i.itemName(),
                    i.demand(),
                    i.baseline(),
                    i.engine(),
                    i.engineSafety(),
                    i.engineWarning(),
                    i.engineMax()));
        }
        XlsxDownload.write(response, "effect-report-" + form.warehouse().trim(), clock, headings, rows);
    }

    private static List<?> row(
            String item,
            String name,
            BigDecimal demand,
            EffectReport.PolicyFigures a,
            EffectReport.PolicyFigures b,
            BigDecimal safety,
            BigDecimal warning,
            BigDecimal max) {
        return Arrays.asList(
                item,
                name,
                demand,
                a.turnoverDays(),
                b.turnoverDays(),
                a.averageInventoryValue(),
                b.averageInventoryValue(),
                a.stockoutRate(),
                b.stockoutRate(),
                a.fillRate(),
                b.fillRate(),
                BigDecimal.valueOf(a.orders()),
                BigDecimal.valueOf(b.orders()),
                safety,
                warning,
                max);
    }

    private String text(String key, java.util.Locale locale) {
        return messages.getMessage(key, null, key, locale);
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

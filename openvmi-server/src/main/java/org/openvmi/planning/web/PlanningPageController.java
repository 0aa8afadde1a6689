package org.openvmi.planning.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.planning.ForecastView;
import org.openvmi.planning.Forecasts;
import org.openvmi.planning.PlanningRuns;
import org.openvmi.planning.RunRequest;
import org.openvmi.planning.RunView;
import org.openvmi.planning.SuggestionFilter;
import org.openvmi.planning.Suggestions;
import org.openvmi.planning.model.SuggestionStatus;
import org.openvmi.planning.model.SuggestionType;
import org.openvmi.planning.model.SuggestionUrgency;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Planning pages: runs (start, progress polled by htmx, summary), suggestions (bulk decisions), forecast chart. */
@Controller
class PlanningPageController {

    /** Runs are big cards: fewer per page than a table's rows, unless ?size= asks for another number. */
    private static final int RUNS_PER_PAGE = 20;

    private final PlanningRuns runs;
    private final Suggestions suggestions;
    private final Forecasts forecasts;
    private final MessageSource messages;
    private final JsonMapper json;
    private final java.time.Clock clock;

    PlanningPageController(
            PlanningRuns runs,
            Suggestions suggestions,
            Forecasts forecasts,
            MessageSource messages,
            JsonMapper json,
            java.time.Clock clock) {
        this.clock = clock;
        this.runs = runs;
        this.suggestions = suggestions;
        this.forecasts = forecasts;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/planning/runs")
    String runs(
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) Long run,
            Model model) {
        PageResult<RunView> list = runs.list(
                PageRequest.forPage(page, size == null ? RUNS_PER_PAGE : size).sorted(sort, dir));
        model.addAttribute("page", list);
        model.addAttribute("shown", shownRun(run, list));
        model.addAttribute("pageUrl", "/planning/runs");
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form", new LinkedHashMap<String, String>(Map.of("horizonDays", "56", "serviceLevel", "0.95")));
        }
        return "planning/runs";
    }

    @PostMapping("/planning/runs")
    String start(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String items,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String horizonDays,
            @RequestParam(required = false) String serviceLevel,
            RedirectAttributes redirect) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("warehouse", warehouse);
        form.put("items", items);
        form.put("category", category);
        form.put("supplier", supplier);
        form.put("horizonDays", horizonDays);
        form.put("serviceLevel", serviceLevel);
        try {
            List<String> codes = items == null || items.isBlank()
                    ? null
                    : Arrays.stream(items.split("[,\\s]+"))
                            .filter(s -> !s.isBlank())
                            .toList();
            RunView run = runs.start(new RunRequest(
                    warehouse,
                    codes,
                    category,
                    supplier,
                    integer("horizonDays", horizonDays),
                    decimal("serviceLevel", serviceLevel)));
            redirect.addFlashAttribute("flash", text("planning.runs.started", String.valueOf(run.id())));
            // the form keeps what was just used: the next run is often the same one for another warehouse or items
            redirect.addFlashAttribute("form", form);
            // the page follows the run just started, not whichever run is newest (a background re-plan may start next)
            return "redirect:/planning/runs?run=" + run.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", FormErrors.describe(e, messages));
            redirect.addFlashAttribute("form", form);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", FormErrors.describe(e, messages));
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/planning/runs";
    }

    /** The live part of the runs page (latest run's progress and summary, the list), polled while a run is open. */
    @GetMapping("/planning/runs/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("shown", runs.get(id)); // 404 for an unknown run
        model.addAttribute("page", runs.list(PageRequest.of(0, RUNS_PER_PAGE)));
        model.addAttribute("pageUrl", "/planning/runs");
        return "planning/runs :: live";
    }

    /** The run whose progress the page shows: the one asked for, else the newest. */
    private RunView shownRun(Long id, PageResult<RunView> list) {
        if (id != null) {
            return runs.get(id);
        }
        return list.content().isEmpty() ? null : list.content().get(0);
    }

    @GetMapping("/planning/suggestions")
    String suggestions(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) Long run,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String urgency,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        String s = status == null ? "OPEN" : status;
        model.addAttribute("type", type);
        model.addAttribute("status", s);
        model.addAttribute("warehouse", warehouse);
        model.addAttribute("item", item);
        model.addAttribute("supplier", supplier);
        model.addAttribute("urgency", urgency);
        model.addAttribute("urgencies", SuggestionUrgency.values());
        model.addAttribute("types", SuggestionType.values());
        model.addAttribute("statuses", SuggestionStatus.values());
        PageResult<?> result;
        try {
            result = suggestions.find(
                    new SuggestionFilter(type, s, warehouse, item, run, supplier, urgency),
                    PageRequest.forPage(page, size).sorted(sort, dir));
            // "select all on this filter" orders every OPEN purchase suggestion matching it, not only this page
            model.addAttribute(
                    "purchasable",
                    suggestions
                            .find(
                                    new SuggestionFilter(
                                            SuggestionType.PURCHASE.name(),
                                            SuggestionStatus.OPEN.name(),
                                            warehouse,
                                            item,
                                            run,
                                            supplier,
                                            urgency),
                                    PageRequest.of(0, 1))
                            .totalElements());
        } catch (InvalidInputException e) {
            model.addAttribute("flashError", FormErrors.describe(e, messages));
            result = new PageResult<>(List.of(), 0, 50, 0);
        }
        model.addAttribute("page", result);
        // the list's own path: the pager's and headings' links (@lists) carry the request's filters, sort and size
        model.addAttribute("pageUrl", "/planning/suggestions");
        return "planning/suggestions";
    }

    /**
     * Every suggestion the list's filters match (not one page) as a spreadsheet, with the figures it was computed from.
     * A supplier user's file holds only what its own list shows ({@link Suggestions#find} reads the party scope).
     */
    @GetMapping("/planning/suggestions/export")
    void exportSuggestions(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) Long run,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String urgency,
            jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        SuggestionFilter filter =
                new SuggestionFilter(type, status == null ? "OPEN" : status, warehouse, item, run, supplier, urgency);
        java.util.Locale locale = LocaleContextHolder.getLocale();
        List<List<?>> rows = new java.util.ArrayList<>();
        PageResult<org.openvmi.planning.SuggestionView> chunk;
        int page = 0;
        do {
            chunk = suggestions.find(filter, PageRequest.of(page++, PageRequest.MAX_SIZE));
            for (org.openvmi.planning.SuggestionView v : chunk.content()) {
                rows.add(java.util.Arrays.asList(
                        java.math.BigDecimal.valueOf(v.id()),
                        java.math.BigDecimal.valueOf(v.runId()),
                        messages.getMessage("enum.SuggestionType." + v.type(), null, v.type(), locale),
                        messages.getMessage("enum.SuggestionStatus." + v.status(), null, v.status(), locale),
                        v.item(),
                        v.itemName(),
                        v.warehouse(),
                        v.supplier() != null ? v.supplier() : v.fromWarehouse(),
                        v.qty(),
                        v.neededQty(),
                        v.forecastQty(),
                        v.onHand(),
                        v.onOrder(),
                        v.safety(),
                        v.reorderPoint(),
                        v.orderUpTo(),
                        v.reason()));
            }
        } while (page < chunk.totalPages());
        List<String> headings = new java.util.ArrayList<>();
        for (String key : List.of(
                "planning.suggestions.export.id",
                "planning.suggestions.export.run",
                "planning.suggestions.type",
                "planning.suggestions.status",
                "planning.suggestions.item",
                "planning.suggestions.export.itemName",
                "planning.suggestions.warehouse",
                "planning.suggestions.supplierOrSource",
                "planning.suggestions.qty",
                "planning.suggestions.export.needed",
                "planning.suggestions.export.forecast",
                "planning.suggestions.export.onHand",
                "planning.suggestions.export.onOrder",
                "planning.suggestions.export.safety",
                "planning.suggestions.export.reorderPoint",
                "planning.suggestions.export.orderUpTo",
                "planning.suggestions.reason")) {
            headings.add(messages.getMessage(key, null, key, locale));
        }
        org.openvmi.shared.web.XlsxDownload.write(response, "planning-suggestions", clock, headings, rows);
    }

    @PostMapping("/planning/suggestions/decide")
    String decide(
            @RequestParam(required = false) List<Long> ids,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("flashError", text("planning.suggestions.noneSelected"));
        } else {
            try {
                List<Suggestions.Outcome> outcomes =
                        "reject".equals(action) ? suggestions.rejectAll(ids, reason) : suggestions.acceptAll(ids);
                long ok = outcomes.stream().filter(Suggestions.Outcome::ok).count();
                String refused = String.join(
                        "; ",
                        outcomes.stream()
                                .filter(o -> !o.ok())
                                .map(Suggestions.Outcome::message)
                                .toList());
                redirect.addFlashAttribute("flash", text("planning.suggestions.decided", ok, outcomes.size() - ok));
                if (!refused.isEmpty()) {
                    redirect.addFlashAttribute("flashError", refused);
                }
            } catch (InvalidInputException | ConflictException | BusinessRuleException | NotFoundException e) {
                redirect.addFlashAttribute("flashError", FormErrors.describe(e, messages));
            }
        }
        return "redirect:"
                + (back != null && back.startsWith("/planning/suggestions") ? back : "/planning/suggestions");
    }

    @GetMapping("/planning/forecasts/{item}/{warehouse}")
    String forecast(@PathVariable String item, @PathVariable String warehouse, Model model) {
        model.addAttribute("item", item);
        model.addAttribute("warehouse", warehouse);
        ForecastView f = null;
        try {
            List<ForecastView> found =
                    forecasts.find(item, warehouse, PageRequest.of(0, 1)).content();
            f = found.isEmpty() ? null : found.get(0);
        } catch (InvalidInputException e) {
            model.addAttribute("flashError", FormErrors.describe(e, messages));
        }
        model.addAttribute("f", f);
        if (f != null) {
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("historyStart", f.historyStart().toString());
            chart.put("history", f.history());
            chart.put("firstBucket", f.firstBucket().toString());
            chart.put("forecast", f.forecast());
            chart.put("lower", f.lower());
            chart.put("upper", f.upper());
            chart.put("safety", f.safety());
            chart.put("warning", f.reorderPoint());
            chart.put("max", f.orderUpTo());
            Map<String, String> labels = new LinkedHashMap<>();
            for (String k : List.of("history", "forecast", "band", "safety", "warning", "max")) {
                labels.put(k, text("planning.forecast." + k));
            }
            chart.put("labels", labels);
            model.addAttribute("chartJson", json.writeValueAsString(chart));
        }
        return "planning/forecast";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static Integer integer(String field, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    new FieldErrors().add(field, "is not a whole number").list());
        }
    }

    private static BigDecimal decimal(String field, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    new FieldErrors().add(field, "is not a number").list());
        }
    }
}

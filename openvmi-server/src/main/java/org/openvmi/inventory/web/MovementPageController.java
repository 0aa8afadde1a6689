package org.openvmi.inventory.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.openvmi.inventory.ExportTooLargeException;
import org.openvmi.inventory.MovementFilter;
import org.openvmi.inventory.MovementView;
import org.openvmi.inventory.StockQueries;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.tabular.TabularFormat;
import org.openvmi.shared.web.EnumLabels;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The movement history: filters, paging, CSV/XLSX export of every movement the filters match. */
@Controller
class MovementPageController {

    static final List<String> EXPORT_HEADERS = List.of(
            "id",
            "posting",
            "postedAt",
            "type",
            "item",
            "warehouse",
            "location",
            "owner",
            "lot",
            "qty",
            "unitCost",
            "reference",
            "reason",
            "user");

    private final StockQueries queries;
    private final InventoryPages pages;
    private final Clock clock;
    private final MovementReasons reasons;
    private final EnumLabels labels;

    MovementPageController(
            StockQueries queries, InventoryPages pages, Clock clock, MovementReasons reasons, EnumLabels labels) {
        this.queries = queries;
        this.pages = pages;
        this.clock = clock;
        this.reasons = reasons;
        this.labels = labels;
    }

    /** The filters of the page as request parameters; dates are days in the server's time zone, both inclusive. */
    record Filters(
            String q,
            String warehouse,
            String location,
            String owner,
            String type,
            String reference,
            Long posting,
            LocalDate from,
            LocalDate to) {

        MovementFilter toFilter(Clock clock) {
            Instant start =
                    from == null ? null : from.atStartOfDay(clock.getZone()).toInstant();
            Instant end = to == null
                    ? null
                    : to.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
            return new MovementFilter(null, warehouse, location, owner, type, reference, posting, start, end, q);
        }

        PageLinks links() {
            return new PageLinks()
                    .with("q", q)
                    .with("warehouse", warehouse)
                    .with("location", location)
                    .with("owner", owner)
                    .with("type", type)
                    .with("reference", reference)
                    .with("posting", posting)
                    .with("from", from)
                    .with("to", to);
        }
    }

    @GetMapping("/movements")
    String movements(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String reference,
            @RequestParam(required = false) Long posting,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        Filters f = new Filters(q, warehouse, location, owner, type, reference, posting, from, to);
        model.addAttribute("f", f);
        model.addAttribute("warehouses", pages.warehouses());
        model.addAttribute("suppliers", pages.suppliers());
        model.addAttribute("types", InventoryPages.ALL_TYPES);
        model.addAttribute("zone", clock.getZone());
        model.addAttribute(
                "page",
                queries.movements(
                        f.toFilter(clock), PageRequest.forPage(page, size).sorted(sort, dir)));
        model.addAttribute("pageUrl", f.links().url("/movements"));
        model.addAttribute("csvUrl", f.links().with("format", "csv").url("/movements/export"));
        model.addAttribute("xlsxUrl", f.links().with("format", "xlsx").url("/movements/export"));
        return "inventory/movements";
    }

    /** Every movement the filters match (not just one page), newest first, as CSV or XLSX. */
    @GetMapping("/movements/export")
    String export(
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String reference,
            @RequestParam(required = false) Long posting,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String encoding,
            @RequestParam(defaultValue = "true") boolean bom,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Filters f = new Filters(q, warehouse, location, owner, type, reference, posting, from, to);
        DateTimeFormatter time = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        Exports<MovementView> file = Exports.to(
                response,
                TabularFormat.parse(format, encoding, bom),
                "movements",
                clock,
                EXPORT_HEADERS,
                m -> Arrays.asList(
                        m.id(),
                        m.postingId(),
                        time.format(m.postedAt().atZone(clock.getZone())),
                        m.type(),
                        m.item(),
                        m.warehouse(),
                        m.location(),
                        m.owner(),
                        m.lot(),
                        m.qty(),
                        m.unitCost(),
                        m.reference(),
                        reasons.label(m.reason()),
                        labels.person(m.user())));
        try {
            queries.exportMovements(f.toFilter(clock), file);
        } catch (ExportTooLargeException e) {
            redirect.addFlashAttribute(
                    "flashError", pages.text("export.tooLarge", String.valueOf(e.rows()), String.valueOf(e.limit())));
            return "redirect:" + f.links().url("/movements");
        }
        file.finish();
        return null;
    }
}

package org.openvmi.inventory.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.inventory.ExportTooLargeException;
import org.openvmi.inventory.StockFilter;
import org.openvmi.inventory.StockQueries;
import org.openvmi.inventory.StockValueSummary;
import org.openvmi.inventory.StockView;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.tabular.TabularFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The stock page: balances with their value, own stock (capital tied up) and consignment stock (the suppliers'
 * property) summed apart and charted per warehouse; filters, paging, CSV/XLSX export of everything the filters match.
 */
@Controller
class StockPageController {

    static final List<String> EXPORT_HEADERS = List.of(
            "item",
            "itemName",
            "uom",
            "warehouse",
            "location",
            "owner",
            "lot",
            "onHand",
            "reserved",
            "available",
            "inTransit",
            "unitValue",
            "value",
            "asset");

    private final StockQueries queries;
    private final InventoryPages pages;
    private final Clock clock;

    StockPageController(StockQueries queries, InventoryPages pages, Clock clock) {
        this.queries = queries;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/stock")
    String stock(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        StockFilter filter = filter(q, warehouse, location, owner);
        StockValueSummary summary = queries.stockValue(filter);
        model.addAttribute("q", q);
        model.addAttribute("warehouse", warehouse);
        model.addAttribute("location", location);
        model.addAttribute("owner", owner);
        model.addAttribute("warehouses", pages.warehouses());
        model.addAttribute("suppliers", pages.suppliers());
        model.addAttribute(
                "page", queries.stock(filter, PageRequest.forPage(page, size).sorted(sort, dir)));
        model.addAttribute("summary", summary);
        model.addAttribute("chart", chart(summary));
        PageLinks links = links(q, warehouse, location, owner);
        model.addAttribute("pageUrl", links.url("/stock"));
        model.addAttribute("csvUrl", links.with("format", "csv").url("/stock/export"));
        model.addAttribute("xlsxUrl", links.with("format", "xlsx").url("/stock/export"));
        return "inventory/stock";
    }

    /** Everything the filters match (not just one page), as CSV or XLSX. */
    @GetMapping("/stock/export")
    String export(
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String encoding,
            @RequestParam(defaultValue = "true") boolean bom,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Exports<StockView> file = Exports.to(
                response,
                TabularFormat.parse(format, encoding, bom),
                "stock",
                clock,
                EXPORT_HEADERS,
                s -> java.util.Arrays.asList(
                        s.item(),
                        s.itemName(),
                        s.uom(),
                        s.warehouse(),
                        s.location(),
                        s.owner(),
                        s.lot(),
                        s.onHand(),
                        s.reserved(),
                        s.available(),
                        s.inTransit(),
                        s.unitValue(),
                        s.value(),
                        s.asset() ? "true" : "false"));
        try {
            queries.exportStock(filter(q, warehouse, location, owner), file);
        } catch (ExportTooLargeException e) {
            redirect.addFlashAttribute(
                    "flashError", pages.text("export.tooLarge", String.valueOf(e.rows()), String.valueOf(e.limit())));
            return "redirect:" + links(q, warehouse, location, owner).url("/stock");
        }
        file.finish();
        return null;
    }

    /** Data of the chart (plain maps and lists: Thymeleaf writes them as JSON): value per warehouse, own and consignment. */
    private Map<String, Object> chart(StockValueSummary summary) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put(
                "warehouses",
                summary.warehouses().stream()
                        .map(StockValueSummary.WarehouseValue::warehouse)
                        .toList());
        chart.put(
                "own",
                summary.warehouses().stream()
                        .map(w -> w.ownValue().toPlainString())
                        .toList());
        chart.put(
                "consignment",
                summary.warehouses().stream()
                        .map(w -> w.consignmentValue().toPlainString())
                        .toList());
        chart.put("ownLabel", pages.text("stock.ownValue"));
        chart.put("consignmentLabel", pages.text("stock.consignmentValueShort"));
        return chart;
    }

    private static StockFilter filter(String q, String warehouse, String location, String owner) {
        return new StockFilter(null, warehouse, location, owner, false, q);
    }

    private static PageLinks links(String q, String warehouse, String location, String owner) {
        return new PageLinks()
                .with("q", q)
                .with("warehouse", warehouse)
                .with("location", location)
                .with("owner", owner);
    }
}

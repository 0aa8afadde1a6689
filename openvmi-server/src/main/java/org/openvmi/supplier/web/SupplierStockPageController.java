package org.openvmi.supplier.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.openvmi.catalog.ImportResult;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.tabular.TabularFormat;
import org.openvmi.shared.web.FormErrors;
import org.openvmi.shared.web.XlsxDownload;
import org.openvmi.supplier.SupplierStockColumn;
import org.openvmi.supplier.SupplierStockColumns;
import org.openvmi.supplier.SupplierStockLine;
import org.openvmi.supplier.SupplierStockView;
import org.openvmi.supplier.SupplierStocks;
import org.openvmi.supplier.UnmappedColumnsException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supplier stock page: the list (a supplier sees its own, buyers every supplier's), and for a supplier user the
 * upload with its row-level error report, the template download and the edit form of one item.
 */
@Controller
@RequestMapping("/supplier-stock")
class SupplierStockPageController {

    private static final int PAGE_SIZE = 50;
    private static final String PENDING = SupplierStockPageController.class.getName() + ".pendingUpload";

    private final SupplierStocks stocks;
    private final MessageSource messages;
    private final java.time.Clock clock;

    SupplierStockPageController(SupplierStocks stocks, MessageSource messages, java.time.Clock clock) {
        this.stocks = stocks;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) Boolean stale,
            @RequestParam(required = false) String edit,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        SupplierStockLine line = new SupplierStockLine();
        PartyScope scope = PartyScope.current();
        if (edit != null && scope.supplierCode() != null) {
            SupplierStockView v = stocks.find(scope.supplierCode(), edit, null, PageRequest.of(0, 1)).content().stream()
                    .findFirst()
                    .orElse(null);
            line.setItem(edit);
            if (v != null) {
                line.setAvailable(v.available());
                line.setInProduction(v.inProduction());
                line.setAvailableFrom(v.availableFrom());
                line.setLeadTimeDays(v.leadTimeDays());
                line.setLowWater(v.lowWater());
            }
        }
        model.addAttribute("line", line);
        model.addAttribute("partNo", edit != null && scope.supplierCode() != null ? stocks.ownPartNo(edit) : null);
        return page(supplier, item, stale, PageRequest.forPage(page, size).sorted(sort, dir), model);
    }

    @PostMapping("/edit")
    String edit(
            @ModelAttribute("line") SupplierStockLine line,
            @RequestParam(required = false) String supplierPartNo,
            RedirectAttributes redirect,
            Model model) {
        try {
            SupplierStockView saved = stocks.edit(null, line);
            // the supplier's own part number, typed in the same form: saved when it changed (blank keeps it)
            if (supplierPartNo != null
                    && !supplierPartNo.isBlank()
                    && !supplierPartNo.trim().equals(blankIfNull(stocks.ownPartNo(saved.item())))) {
                stocks.setPartNo(null, saved.item(), supplierPartNo);
            }
            redirect.addFlashAttribute("flash", text("supplier.stock.saved", saved.item()));
            return "redirect:/supplier-stock";
        } catch (org.openvmi.shared.BusinessRuleException e) {
            model.addAttribute("lineErrors", List.of(FormErrors.describe(e, messages)));
            model.addAttribute("partNo", supplierPartNo);
            return page(null, null, null, PageRequest.of(null, PAGE_SIZE), model);
        } catch (InvalidInputException e) {
            // one message per problem, in the page's language, without the property path ("lines[0].item: …"):
            // the form holds one line
            model.addAttribute(
                    "lineErrors",
                    e.errors().stream()
                            .map(fe -> FormErrors.describe(InvalidInputException.of("", fe.message()), messages))
                            .toList());
            return page(null, null, null, PageRequest.of(null, PAGE_SIZE), model);
        }
    }

    @PostMapping("/upload")
    String upload(@RequestParam(required = false) MultipartFile file, HttpSession session, Model model)
            throws IOException {
        model.addAttribute("line", new SupplierStockLine());
        if (file == null || file.isEmpty()) {
            model.addAttribute("uploadError", text("supplier.upload.noFile"));
            return page(null, null, null, PageRequest.of(null, PAGE_SIZE), model);
        }
        return importFile(new PendingUpload(file.getOriginalFilename(), file.getBytes()), session, model);
    }

    /** The one-time answer to "what do your columns mean?": remembered, then the file kept in the session is read. */
    @PostMapping("/upload/columns")
    String columns(
            @RequestParam(name = "header", required = false) String[] headers,
            @RequestParam(name = "column", required = false) String[] columns,
            HttpSession session,
            Model model) {
        model.addAttribute("line", new SupplierStockLine());
        PendingUpload pending = (PendingUpload) session.getAttribute(PENDING);
        if (pending == null || headers == null || columns == null || headers.length != columns.length) {
            model.addAttribute("uploadError", text("supplier.columns.expired"));
            return page(null, null, null, PageRequest.of(null, PAGE_SIZE), model);
        }
        SupplierStockColumns body = new SupplierStockColumns();
        for (int i = 0; i < headers.length; i++) {
            body.getColumns().add(new SupplierStockColumn(headers[i], columns[i]));
        }
        try {
            stocks.rememberColumns(body, false);
        } catch (InvalidInputException e) {
            model.addAttribute("uploadError", e.getMessage());
            return page(null, null, null, PageRequest.of(null, PAGE_SIZE), model);
        }
        return importFile(pending, session, model);
    }

    /** Imports the file; with column names not known yet, keeps it in the session and asks what they mean. */
    private String importFile(PendingUpload upload, HttpSession session, Model model) {
        session.removeAttribute(PENDING);
        try {
            ImportResult result =
                    stocks.importFile(null, upload.fileName(), new ByteArrayInputStream(upload.content()));
            model.addAttribute("result", result);
            model.addAttribute("fileName", upload.fileName());
        } catch (UnmappedColumnsException e) {
            session.setAttribute(PENDING, upload);
            model.addAttribute("unmapped", e.unmapped());
            model.addAttribute("uploadColumns", SupplierStocks.UPLOAD_COLUMNS);
        } catch (InvalidInputException e) {
            model.addAttribute("uploadError", e.getMessage());
        }
        return page(null, null, null, PageRequest.of(null, PAGE_SIZE), model);
    }

    /** An uploaded file waiting for the supplier to say what its columns mean (one per session, the latest). */
    private record PendingUpload(String fileName, byte[] content) implements java.io.Serializable {}

    @GetMapping("/{supplier}/{item}/history")
    String history(
            @org.springframework.web.bind.annotation.PathVariable String supplier,
            @org.springframework.web.bind.annotation.PathVariable String item,
            Model model) {
        model.addAttribute("current", stocks.get(supplier, item));
        model.addAttribute("history", stocks.history(supplier, item));
        return "supplier/history";
    }

    @GetMapping("/template")
    ResponseEntity<byte[]> template(
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String encoding,
            @RequestParam(defaultValue = "true") boolean bom) {
        return Downloads.of(stocks.template(null, TabularFormat.parse(format, encoding, bom)));
    }

    /**
     * Every line the list's filters match (not one page) as a spreadsheet. A supplier user's file holds only its own
     * lines: {@link SupplierStocks#find} reads the caller's party scope, and naming another supplier is refused there.
     */
    @GetMapping("/export")
    void export(
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) Boolean stale,
            HttpServletResponse response)
            throws IOException {
        List<List<?>> rows = new ArrayList<>();
        PageResult<SupplierStockView> chunk;
        int page = 0;
        do {
            chunk = stocks.find(supplier, item, stale, PageRequest.of(page++, PageRequest.MAX_SIZE));
            for (SupplierStockView v : chunk.content()) {
                rows.add(java.util.Arrays.asList(
                        v.supplier(),
                        v.supplierName(),
                        v.item(),
                        v.itemName(),
                        v.supplierPartNo(),
                        v.available(),
                        v.inProduction(),
                        v.availableFrom() == null ? null : v.availableFrom().toString(),
                        v.leadTimeDays() == null ? null : java.math.BigDecimal.valueOf(v.leadTimeDays()),
                        v.lowWater(),
                        v.asOf() == null ? null : v.asOf().toString(),
                        v.source() == null
                                ? null
                                : text("enum.StockSource." + v.source().name()),
                        text(v.stale() ? "common.yes" : "common.no")));
            }
        } while (page < chunk.totalPages());
        String own = PartyScope.current().supplierCode();
        XlsxDownload.write(
                response,
                "supplier-stock" + (own != null ? "-" + own : ""),
                clock,
                List.of(
                        text("supplier.supplier"),
                        text("supplier.export.supplierName"),
                        text("supplier.item"),
                        text("supplier.itemName"),
                        text("supplier.partNo"),
                        text("supplier.available"),
                        text("supplier.inProduction"),
                        text("supplier.availableFrom"),
                        text("supplier.leadTimeDays"),
                        text("supplier.lowWater"),
                        text("supplier.export.asOf"),
                        text("supplier.source"),
                        text("supplier.stale")),
                rows);
    }

    private String page(String supplier, String item, Boolean stale, PageRequest page, Model model) {
        PageResult<SupplierStockView> rows = stocks.find(supplier, item, stale, page);
        model.addAttribute("rows", rows);
        model.addAttribute("supplier", supplier);
        model.addAttribute("item", item);
        model.addAttribute("stale", stale);
        model.addAttribute("ownSupplier", PartyScope.current().supplierCode());
        return "supplier/stock";
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}

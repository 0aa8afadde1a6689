package org.openvmi.inventory.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.catalog.WarehouseView;
import org.openvmi.inventory.InsufficientStockException;
import org.openvmi.inventory.InventoryLedger;
import org.openvmi.inventory.MovementRequest;
import org.openvmi.inventory.PostingRequest;
import org.openvmi.inventory.PostingResult;
import org.openvmi.inventory.web.ScanForm.ScanLine;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The scan page for USB barcode scanners (they type the code and press Enter): choose warehouse and movement type,
 * scan a location, then items; repeated scans add up; the pending list is posted as one batch with the idempotency key
 * taken when the batch started, so a second Enter or a double click replays the first answer instead of posting twice.
 * The page keeps its state in hidden inputs; every action answers with the re-rendered state fragment.
 */
@Controller
@RequestMapping("/scan")
class ScanPageController {

    private static final String STATE = "inventory/scan :: state";

    /** A message shown in big letters above the pending lines. */
    record Note(String kind, String text) {}

    private final InventoryLedger ledger;
    private final CatalogRefs refs;
    private final InventoryPages pages;

    ScanPageController(InventoryLedger ledger, CatalogRefs refs, InventoryPages pages) {
        this.ledger = ledger;
        this.refs = refs;
        this.pages = pages;
    }

    @InitBinder("scan")
    void binder(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(2000);
    }

    @GetMapping
    String page(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String type,
            Model model) {
        List<WarehouseView> warehouses = pages.warehouses();
        String chosen =
                warehouse != null && warehouses.stream().anyMatch(w -> w.code().equals(warehouse))
                        ? warehouse
                        : warehouses.size() == 1 ? warehouses.get(0).code() : null;
        ScanForm form =
                ScanForm.start(chosen, type != null && InventoryPages.DIRECT_TYPES.contains(type) ? type : "RECEIPT");
        model.addAttribute("warehouses", warehouses);
        model.addAttribute("suppliers", pages.suppliers());
        model.addAttribute("types", InventoryPages.DIRECT_TYPES);
        render(model, form, info(chosen == null ? "scan.hint.warehouse" : "scan.hint.location"), null);
        return "inventory/scan";
    }

    /** A scanned code: a location of the chosen warehouse becomes the current location; anything else is an item. */
    @PostMapping("/scan")
    String scan(@ModelAttribute("scan") ScanForm form, @RequestParam(defaultValue = "") String code, Model model) {
        String scanned = code.trim();
        if (form.isPosted()) {
            form.newBatch();
        }
        if (scanned.isEmpty()) {
            return render(model, form, info("scan.hint.location"), null);
        }
        if (form.getWarehouse() == null) {
            return render(model, form, error("scan.error.noWarehouse"), null);
        }
        LocationRef location = refs.locations(Set.of(scanned)).get(scanned);
        if (location != null) {
            if (!location.warehouse().equals(form.getWarehouse())) {
                return render(
                        model,
                        form,
                        error("scan.error.locationElsewhere", scanned, location.warehouse(), form.getWarehouse()),
                        null);
            }
            form.setLocation(location.code());
            return render(model, form, ok("scan.ok.location", location.code()), null);
        }
        ItemRef item = refs.items(Set.of(scanned)).get(scanned);
        if (item == null) {
            return render(model, form, error("scan.error.unknownBarcode", scanned), null);
        }
        if (form.getLocation() == null) {
            return render(model, form, error("scan.error.noLocation", item.code()), null);
        }
        List<ScanLine> lines = form.getLines();
        int index = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (item.code().equals(lines.get(i).getItem())
                    && form.getLocation().equals(lines.get(i).getLocation())) {
                index = i;
                break;
            }
        }
        ScanLine line;
        if (index < 0) {
            line = new ScanLine(form.getLocation(), item.code(), item.name(), item.uom(), "1");
            lines.add(0, line);
            index = 0;
        } else {
            line = lines.get(index);
            BigDecimal qty = parse(line.getQty());
            line.setQty(
                    qty == null ? "1" : Decimals.plain(qty.add(BigDecimal.ONE)).toPlainString());
        }
        return render(
                model,
                form,
                ok("scan.ok.item", item.code(), item.name(), line.getQty(), line.getUom(), line.getLocation()),
                index);
    }

    /** Header or quantities changed: keep the lines (a posted batch makes way for a new one). */
    @PostMapping("/update")
    String update(@ModelAttribute("scan") ScanForm form, Model model) {
        Note note = null;
        if (form.isPosted()) {
            form.newBatch();
            note = info("scan.hint.newBatch");
        }
        if (form.getLocation() != null && form.getWarehouse() != null) {
            LocationRef location = refs.locations(Set.of(form.getLocation())).get(form.getLocation());
            if (location == null || !location.warehouse().equals(form.getWarehouse())) {
                form.setLocation(null);
                note = info("scan.hint.location");
            }
        }
        if (form.getWarehouse() == null) {
            note = info("scan.hint.warehouse");
        }
        return render(model, form, note, null);
    }

    @PostMapping("/remove")
    String remove(@ModelAttribute("scan") ScanForm form, @RequestParam int index, Model model) {
        if (!form.isPosted() && index >= 0 && index < form.getLines().size()) {
            ScanLine removed = form.getLines().remove(index);
            return render(model, form, info("scan.ok.removed", removed.getItem(), removed.getLocation()), null);
        }
        return render(model, form, null, null);
    }

    @PostMapping("/clear")
    String clear(@ModelAttribute("scan") ScanForm form, Model model) {
        form.newBatch();
        return render(
                model, form, info(form.getLocation() == null ? "scan.hint.location" : "scan.hint.newBatch"), null);
    }

    /** Posts the pending lines as one batch under the batch's idempotency key. */
    @PostMapping("/post")
    String post(@ModelAttribute("scan") ScanForm form, Model model) {
        List<ScanLine> lines = form.getLines();
        if (lines.isEmpty()) {
            return render(model, form, error("scan.error.nothingToPost"), null);
        }
        if (form.getWarehouse() == null) {
            return render(model, form, error("scan.error.noWarehouse"), null);
        }
        if (form.getType() == null || !InventoryPages.DIRECT_TYPES.contains(form.getType())) {
            return render(model, form, error("scan.error.type"), null);
        }
        if (form.getBatch() == null) {
            form.newBatch(); // a page from before the key existed cannot have posted anything under it
        }
        Note refused = check(form);
        if (refused != null) {
            return render(model, form, refused, null);
        }
        List<MovementRequest> requests = new ArrayList<>();
        for (ScanLine l : lines) {
            requests.add(new MovementRequest(
                    form.getType(),
                    l.getItem(),
                    l.getLocation(),
                    form.getOwner(),
                    l.getLot(),
                    parse(l.getQty()),
                    null,
                    null,
                    form.getReference()));
        }
        boolean again = form.isPosted();
        Long before = form.getPostingId();
        try {
            PostingResult result = ledger.post(new PostingRequest(requests), form.getBatch());
            form.setPosted(true);
            form.setPostingId(result.postingId());
            BigDecimal total = requests.stream().map(MovementRequest::qty).reduce(BigDecimal.ZERO, BigDecimal::add);
            Note note = again && before != null && before == result.postingId()
                    ? ok("scan.ok.replayed", String.valueOf(result.postingId()))
                    : ok(
                            "scan.ok.posted",
                            String.valueOf(result.postingId()),
                            requests.size(),
                            Decimals.plain(total).toPlainString());
            return render(model, form, note, null);
        } catch (InsufficientStockException e) {
            return render(
                    model,
                    form,
                    error(
                            "scan.error.insufficient",
                            e.item(),
                            e.location(),
                            e.available().toPlainString(),
                            e.requested().toPlainString()),
                    highlight(lineIndex(e.field())));
        } catch (InvalidInputException e) {
            FieldErrors.FieldError first = e.errors().get(0);
            int i = lineIndex(first.field());
            return render(
                    model,
                    form,
                    i < 0
                            ? error("scan.error.refused", first.message())
                            : error("scan.error.line", i + 1, lines.get(i).getItem(), first.message()),
                    i < 0 ? null : i);
        } catch (BusinessRuleException e) {
            if ("Idempotency-Key".equals(e.field())) {
                return render(model, form, error("scan.error.keyReused"), null);
            }
            return render(model, form, error("scan.error.refused", e.getMessage()), null);
        } catch (ConflictException | NotFoundException e) {
            return render(model, form, error("scan.error.refused", e.getMessage()), null);
        }
    }

    /** What the page can tell in the user's language before asking the ledger. */
    private Note check(ScanForm form) {
        List<ScanLine> lines = form.getLines();
        Set<String> locationCodes = new HashSet<>();
        Set<String> itemCodes = new HashSet<>();
        lines.forEach(l -> {
            if (l.getLocation() != null) {
                locationCodes.add(l.getLocation());
            }
            if (l.getItem() != null) {
                itemCodes.add(l.getItem());
            }
        });
        Map<String, LocationRef> locations = refs.locations(locationCodes);
        Map<String, ItemRef> items = refs.items(itemCodes);
        boolean signed = "ADJUST".equals(form.getType());
        for (int i = 0; i < lines.size(); i++) {
            ScanLine l = lines.get(i);
            LocationRef location = l.getLocation() == null ? null : locations.get(l.getLocation());
            if (location == null) {
                return error("scan.error.line", i + 1, l.getItem(), pages.text("scan.error.noLocation", l.getItem()));
            }
            if (!location.warehouse().equals(form.getWarehouse())) {
                return error(
                        "scan.error.locationElsewhere", location.code(), location.warehouse(), form.getWarehouse());
            }
            ItemRef item = l.getItem() == null ? null : items.get(l.getItem());
            if (item == null) {
                return error("scan.error.unknownBarcode", l.getItem());
            }
            BigDecimal qty = parse(l.getQty());
            if (qty == null) {
                return error("scan.error.qtyNumber", i + 1, l.getItem(), l.getQty() == null ? "" : l.getQty());
            }
            if (signed ? qty.signum() == 0 : qty.signum() <= 0) {
                return error(signed ? "scan.error.qtyNonZero" : "scan.error.qtyPositive", i + 1, l.getItem());
            }
            if (item.lotTracked() && l.getLot() == null) {
                return error("scan.error.lotRequired", i + 1, l.getItem());
            }
        }
        return null;
    }

    /** Puts the state into the model; answers with the name of the state fragment. */
    private String render(Model model, ScanForm form, Note note, Integer highlight) {
        model.addAttribute("scan", form);
        model.addAttribute("note", note);
        model.addAttribute("highlight", highlight);
        BigDecimal total = BigDecimal.ZERO;
        for (ScanLine l : form.getLines()) {
            BigDecimal q = parse(l.getQty());
            total = q == null ? total : total.add(q);
        }
        model.addAttribute("totalQty", Decimals.plain(total).toPlainString());
        return STATE;
    }

    private static Integer highlight(int index) {
        return index < 0 ? null : index;
    }

    private static int lineIndex(String field) {
        if (field != null && field.startsWith("lines[")) {
            try {
                return Integer.parseInt(field.substring(6, field.indexOf(']')));
            } catch (RuntimeException e) {
                return -1;
            }
        }
        return -1;
    }

    static BigDecimal parse(String qty) {
        if (qty == null || qty.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(qty.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Note ok(String key, Object... args) {
        return new Note("ok", pages.text(key, args));
    }

    private Note info(String key, Object... args) {
        return new Note("info", pages.text(key, args));
    }

    private Note error(String key, Object... args) {
        return new Note("error", pages.text(key, args));
    }
}

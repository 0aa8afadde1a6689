package org.openvmi.catalog.web;

import java.util.ArrayList;
import java.util.List;
import org.openvmi.catalog.CatalogCodes;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.ItemQuery;
import org.openvmi.catalog.ItemView;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.catalog.WarehouseView;
import org.openvmi.shared.Barcodes;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Barcode labels: a sheet of item labels (typed or scanned codes, or a whole category) or of a warehouse's
 * locations, printed from the browser; each label carries the code as Code 128 (hand scanners) and QR (phone
 * cameras), the same code the scan, receiving and count pages read back.
 */
@Controller
class LabelPageController {

    /** One sheet holds at most this many labels. */
    static final int MAX_LABELS = 300;

    record Label(String code, String name, String detail) {}

    private final ItemCatalog items;
    private final WarehouseCatalog warehouses;
    private final PageMessages messages;

    LabelPageController(ItemCatalog items, WarehouseCatalog warehouses, PageMessages messages) {
        this.items = items;
        this.warehouses = warehouses;
        this.messages = messages;
    }

    @GetMapping("/labels")
    String form(Model model) {
        model.addAttribute(
                "warehouses", warehouses.find(null, PageRequest.of(0, 1000)).content());
        model.addAttribute("categories", items.categories());
        return "catalog/labels";
    }

    /**
     * Labels of the given items (codes or barcodes, separated by spaces, commas or lines) or of a category; with
     * {@code list=true}, of the rows the item list shows for its filters {@code q} and {@code category}.
     */
    @GetMapping("/labels/items")
    String itemLabels(
            @RequestParam(required = false) String codes,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean list,
            Model model) {
        if (list) {
            List<Label> filtered = items
                    .find(
                            new ItemQuery(CatalogCodes.blankToNull(q), CatalogCodes.blankToNull(category)),
                            PageRequest.of(0, MAX_LABELS))
                    .content()
                    .stream()
                    .map(i -> new Label(i.code(), i.name(), i.uom()))
                    .toList();
            return sheet(model, messages.get("labels.items"), filtered);
        }
        List<Label> labels = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String typed : CatalogCodes.splitList(codes)) {
            try {
                ItemView item = items.get(items.resolveCode(typed));
                labels.add(new Label(item.code(), item.name(), item.uom()));
            } catch (NotFoundException e) {
                unknown.add(typed);
            }
        }
        String c = CatalogCodes.blankToNull(category);
        if (c != null) {
            items.find(new ItemQuery(null, c), PageRequest.of(0, MAX_LABELS))
                    .content()
                    .forEach(i -> labels.add(new Label(i.code(), i.name(), i.uom())));
        }
        if (!unknown.isEmpty()) {
            model.addAttribute("flashError", messages.get("labels.unknownItems", String.join(", ", unknown)));
        }
        return sheet(model, messages.get("labels.items"), labels);
    }

    /** The locations of one warehouse; without it, of every warehouse the warehouse list shows for its filter {@code q}. */
    @GetMapping("/labels/locations")
    String locationLabels(
            @RequestParam(required = false) String warehouse, @RequestParam(required = false) String q, Model model) {
        if (warehouse == null || warehouse.isBlank()) {
            List<Label> labels = new ArrayList<>();
            for (WarehouseView w : warehouses
                    .find(CatalogCodes.blankToNull(q), PageRequest.of(0, PageRequest.MAX_SIZE))
                    .content()) {
                if (labels.size() >= MAX_LABELS) {
                    break;
                }
                labels.addAll(locations(w));
            }
            return sheet(model, messages.get("labels.locationsTitle"), labels);
        }
        WarehouseView w = warehouses.get(warehouse.trim());
        return sheet(model, messages.get("labels.locations", w.code() + " " + w.name()), locations(w));
    }

    private List<Label> locations(WarehouseView w) {
        return warehouses.locations(w.code()).stream()
                .map(l -> new Label(l.code(), l.name(), w.code() + " · " + w.name()))
                .toList();
    }

    /** A barcode image: Code 128 (default) or QR of the given text. */
    @GetMapping("/labels/barcode")
    ResponseEntity<byte[]> barcode(
            @RequestParam String text, @RequestParam(defaultValue = "CODE128") Barcodes.Kind kind) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePrivate())
                .body(Barcodes.png(kind, text));
    }

    private String sheet(Model model, String title, List<Label> labels) {
        model.addAttribute("title", title);
        model.addAttribute("labels", labels.size() > MAX_LABELS ? labels.subList(0, MAX_LABELS) : labels);
        return "catalog/label-sheet";
    }
}

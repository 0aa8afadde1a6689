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

    record Label(String code, String name, String detail) {
    }

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
        model.addAttribute("warehouses", warehouses.find(null, PageRequest.of(0, 1000)).content());
        model.addAttribute("categories", items.categories());
        return "catalog/labels";
    }

    /** Labels of the given items (codes or barcodes, separated by spaces, commas or lines) or of a category. */
    @GetMapping("/labels/items")
    String itemLabels(@RequestParam(required = false) String codes, @RequestParam(required = false) String category,
                      Model model) {
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
            items.find(new ItemQuery(null, c), PageRequest.of(0, MAX_LABELS)).content()
                    .forEach(i -> labels.add(new Label(i.code(), i.name(), i.uom())));
        }
        if (!unknown.isEmpty()) {
            model.addAttribute("flashError", messages.get("labels.unknownItems", String.join(", ", unknown)));
        }
        return sheet(model, messages.get("labels.items"), labels);
    }

    @GetMapping("/labels/locations")
    String locationLabels(@RequestParam String warehouse, Model model) {
        WarehouseView w = warehouses.get(warehouse.trim());
        List<Label> labels = warehouses.locations(w.code()).stream()
                .map(l -> new Label(l.code(), l.name(), w.code() + " · " + w.name())).toList();
        return sheet(model, messages.get("labels.locations", w.code() + " " + w.name()), labels);
    }

    /** A barcode image: Code 128 (default) or QR of the given text. */
    @GetMapping("/labels/barcode")
    ResponseEntity<byte[]> barcode(@RequestParam String text, @RequestParam(defaultValue = "CODE128") Barcodes.Kind kind) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePrivate())
                .body(Barcodes.png(kind, text));
    }

    private String sheet(Model model, String title, List<Label> labels) {
        model.addAttribute("title", title);
        model.addAttribute("labels", labels.size() > MAX_LABELS ? labels.subList(0, MAX_LABELS) : labels);
        return "catalog/label-sheet";
    }
}

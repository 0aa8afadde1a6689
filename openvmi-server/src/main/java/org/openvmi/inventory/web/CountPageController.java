package org.openvmi.inventory.web;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.catalog.WarehouseView;
import org.openvmi.inventory.CountView;
import org.openvmi.inventory.StockCounts;
import org.openvmi.inventory.model.CountStatus;
import org.openvmi.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/counts")
class CountPageController {

    private final StockCounts counts;
    private final WarehouseCatalog warehouses;
    private final ItemCatalog items;
    private final StockDocMessages messages;
    private final CatalogRefs refs;

    CountPageController(
            StockCounts counts,
            WarehouseCatalog warehouses,
            ItemCatalog items,
            StockDocMessages messages,
            CatalogRefs refs) {
        this.refs = refs;
        this.counts = counts;
        this.warehouses = warehouses;
        this.items = items;
        this.messages = messages;
    }

    @ModelAttribute("statuses")
    CountStatus[] statuses() {
        return CountStatus.values();
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        model.addAttribute("status", status);
        model.addAttribute(
                "page",
                counts.find(status, null, PageRequest.forPage(page, size).sorted(sort, dir)));
        // the list's own path: the pager's and headings' links (@lists) carry the request's filters, sort and size
        model.addAttribute("pageUrl", "/counts");
        return "inventory/counts";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("count", new CountForm());
        return form(model);
    }

    @PostMapping
    String create(
            @ModelAttribute("count") CountForm count, BindingResult binding, Model model, RedirectAttributes redirect) {
        CountView[] created = new CountView[1];
        if (binding.hasErrors()
                || !FormRefusals.run(binding, () -> created[0] = counts.create(count.toRequest(), null))) {
            return form(model);
        }
        redirect.addFlashAttribute("flash", messages.get("counts.created", created[0].id()));
        return "redirect:/counts/" + created[0].id();
    }

    private String form(Model model) {
        model.addAttribute(
                "warehouses",
                warehouses.find(null, PageRequest.of(0, 1000)).content().stream()
                        .map(WarehouseView::code)
                        .toList());
        model.addAttribute("categories", items.categories());
        return "inventory/count-form";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        CountView c = counts.get(id);
        model.addAttribute("count", CountForm.entryOf(c));
        return detail(c, model);
    }

    /** The count sheet with the entry form in the model ("count"), as saved or as typed when a save was refused. */
    private String detail(CountView c, Model model) {
        model.addAttribute("c", c);
        model.addAttribute("open", CountStatus.valueOf(c.status()).canMoveTo(CountStatus.POSTED));
        model.addAttribute("foundRows", CountForm.FOUND_ROWS);
        Set<String> items = new HashSet<>();
        c.lines().forEach(l -> items.add(l.item()));
        model.addAttribute("barcodes", refs.barcodes(items));
        return "inventory/count";
    }

    /**
     * Counted quantities and found stock. A found row's item may be a scanned barcode (resolved to its item here);
     * a refused save shows the sheet again as typed, with each message at its row.
     */
    @PostMapping("/{id}/lines")
    String enter(
            @PathVariable long id,
            @ModelAttribute("count") CountForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        Set<String> typedItems = new HashSet<>();
        form.getLines().forEach(r -> {
            if (r.getItem() != null && !r.getItem().isBlank()) {
                typedItems.add(r.getItem().trim());
            }
        });
        Map<String, ItemRef> resolved = refs.items(typedItems);
        form.getLines().forEach(r -> {
            ItemRef item = r.getItem() == null ? null : resolved.get(r.getItem().trim());
            if (item != null) {
                r.setItem(item.code());
            }
        });
        if (binding.hasErrors() || !FormRefusals.run(binding, () -> counts.enter(id, form.toEntry()))) {
            return detail(counts.get(id), model);
        }
        redirect.addFlashAttribute("flash", messages.get("counts.saved", id));
        return "redirect:/counts/" + id;
    }

    @PostMapping("/{id}/post")
    String post(@PathVariable long id, RedirectAttributes redirect) {
        if (FormRefusals.flash(redirect, () -> counts.post(id, null))) {
            redirect.addFlashAttribute("flash", messages.get("counts.posted", id));
        }
        return "redirect:/counts/" + id;
    }
}

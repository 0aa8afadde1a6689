package org.openvmi.catalog.web;

import jakarta.validation.Valid;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.SupplierCommand;
import org.openvmi.catalog.SupplierItemCommand;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.web.FormErrors;
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
@RequestMapping("/suppliers")
class SupplierPageController {

    private final SupplierCatalog suppliers;
    private final PageMessages messages;

    SupplierPageController(SupplierCatalog suppliers, PageMessages messages) {
        this.suppliers = suppliers;
        this.messages = messages;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("active", active);
        model.addAttribute(
                "page",
                suppliers.find(q, active, PageRequest.forPage(page, size).sorted(sort, dir)));
        // the list's own path: the pager's and headings' links (@lists) carry the request's filters, sort and size
        model.addAttribute("pageUrl", "/suppliers");
        return "catalog/suppliers";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("supplier", new SupplierCommand());
        model.addAttribute("editing", false);
        return "catalog/supplier-form";
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("supplier") SupplierCommand supplier,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("editing", false);
        if (binding.hasErrors() || !FormErrors.run(binding, () -> suppliers.create(supplier))) {
            return "catalog/supplier-form";
        }
        redirect.addFlashAttribute("flash", messages.get("suppliers.saved", supplier.getCode()));
        return "redirect:/suppliers/" + supplier.getCode();
    }

    @GetMapping("/{code}")
    String detail(@PathVariable String code, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("supplier", SupplierCommand.from(suppliers.get(code)));
        model.addAttribute("source", new SupplierItemCommand());
        return detailPage(code, page, model);
    }

    private String detailPage(String code, Integer page, Model model) {
        model.addAttribute("editing", true);
        model.addAttribute("code", code);
        model.addAttribute("sources", suppliers.sources(code, null, PageRequest.forPage(page, null)));
        model.addAttribute("pageUrl", "/suppliers/" + code);
        return "catalog/supplier-form";
    }

    @PostMapping("/{code}")
    String update(
            @PathVariable String code,
            @Valid @ModelAttribute("supplier") SupplierCommand supplier,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        supplier.setCode(code);
        if (binding.hasErrors() || !FormErrors.run(binding, () -> suppliers.update(code, supplier))) {
            model.addAttribute("source", new SupplierItemCommand());
            return detailPage(code, null, model);
        }
        redirect.addFlashAttribute("flash", messages.get("suppliers.saved", code));
        return "redirect:/suppliers/" + code;
    }

    @PostMapping("/{code}/delete")
    String delete(@PathVariable String code, RedirectAttributes redirect) {
        try {
            suppliers.delete(code);
            redirect.addFlashAttribute("flash", messages.get("suppliers.deleted", code));
            return "redirect:/suppliers";
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("flashError", FormErrors.describe(e));
            return "redirect:/suppliers/" + code;
        }
    }

    @PostMapping("/{code}/items")
    String addSource(
            @PathVariable String code,
            @Valid @ModelAttribute("source") SupplierItemCommand source,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors() || !FormErrors.run(binding, () -> suppliers.addSource(code, source))) {
            model.addAttribute("supplier", SupplierCommand.from(suppliers.get(code)));
            return detailPage(code, null, model);
        }
        redirect.addFlashAttribute("flash", messages.get("sources.saved", source.getItem()));
        return "redirect:/suppliers/" + code;
    }

    @GetMapping("/{code}/items/{item}/edit")
    String editSource(@PathVariable String code, @PathVariable String item, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("source", SupplierItemCommand.from(suppliers.source(code, item)));
        return "catalog/source-form";
    }

    @PostMapping("/{code}/items/{item}")
    String updateSource(
            @PathVariable String code,
            @PathVariable String item,
            @Valid @ModelAttribute("source") SupplierItemCommand source,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        source.setItem(item);
        if (binding.hasErrors() || !FormErrors.run(binding, () -> suppliers.updateSource(code, item, source))) {
            model.addAttribute("code", code);
            return "catalog/source-form";
        }
        redirect.addFlashAttribute("flash", messages.get("sources.saved", item));
        return "redirect:/suppliers/" + code;
    }

    @PostMapping("/{code}/items/{item}/delete")
    String removeSource(@PathVariable String code, @PathVariable String item, RedirectAttributes redirect) {
        try {
            suppliers.removeSource(code, item);
            redirect.addFlashAttribute("flash", messages.get("sources.deleted", item));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("flashError", FormErrors.describe(e));
        }
        return "redirect:/suppliers/" + code;
    }
}

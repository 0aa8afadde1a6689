package org.openvmi.catalog.web;

import jakarta.validation.Valid;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.ItemCommand;
import org.openvmi.catalog.ItemQuery;
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
import org.springframework.web.util.UriComponentsBuilder;

@Controller
@RequestMapping("/items")
class ItemPageController {

    private final ItemCatalog items;
    private final PageMessages messages;

    ItemPageController(ItemCatalog items, PageMessages messages) {
        this.items = items;
        this.messages = messages;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("category", category);
        model.addAttribute("sort", sort);
        model.addAttribute("dir", dir);
        model.addAttribute("categories", items.categories());
        model.addAttribute(
                "page",
                items.find(new ItemQuery(q, category, sort, "desc".equals(dir)), PageRequest.forPage(page, size)));
        model.addAttribute(
                "pageUrl",
                UriComponentsBuilder.fromPath("/items")
                        .queryParamIfPresent(
                                "q", java.util.Optional.ofNullable(q).filter(s -> !s.isBlank()))
                        .queryParamIfPresent(
                                "category",
                                java.util.Optional.ofNullable(category).filter(s -> !s.isBlank()))
                        .build()
                        .toUriString());
        return "catalog/items";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("item", new ItemCommand());
        model.addAttribute("editing", false);
        return "catalog/item-form";
    }

    @GetMapping("/{code}/edit")
    String editForm(@PathVariable String code, Model model) {
        model.addAttribute("item", ItemCommand.from(items.get(code)));
        model.addAttribute("editing", true);
        return "catalog/item-form";
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("item") ItemCommand item,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("editing", false);
        if (binding.hasErrors() || !FormErrors.run(binding, () -> items.create(item))) {
            return "catalog/item-form";
        }
        redirect.addFlashAttribute("flash", messages.get("items.saved", item.getCode()));
        return "redirect:/items?q=" + item.getCode();
    }

    @PostMapping("/{code}")
    String update(
            @PathVariable String code,
            @Valid @ModelAttribute("item") ItemCommand item,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        item.setCode(code);
        model.addAttribute("editing", true);
        if (binding.hasErrors() || !FormErrors.run(binding, () -> items.update(code, item))) {
            return "catalog/item-form";
        }
        redirect.addFlashAttribute("flash", messages.get("items.saved", code));
        return "redirect:/items?q=" + code;
    }

    @PostMapping("/{code}/delete")
    String delete(@PathVariable String code, RedirectAttributes redirect) {
        try {
            items.delete(code);
            redirect.addFlashAttribute("flash", messages.get("items.deleted", code));
            return "redirect:/items";
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("flashError", FormErrors.describe(e));
            return "redirect:/items/" + code + "/edit";
        }
    }
}

package org.openvmi.catalog.web;

import jakarta.validation.Valid;
import org.openvmi.catalog.LocationCommand;
import org.openvmi.catalog.LocationType;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.catalog.WarehouseCommand;
import org.openvmi.catalog.WarehouseView;
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
@RequestMapping("/warehouses")
class WarehousePageController {

    private final WarehouseCatalog warehouses;
    private final PageMessages messages;

    WarehousePageController(WarehouseCatalog warehouses, PageMessages messages) {
        this.warehouses = warehouses;
        this.messages = messages;
    }

    @ModelAttribute("locationTypes")
    LocationType[] locationTypes() {
        return LocationType.values();
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute(
                "page", warehouses.find(q, PageRequest.forPage(page, size).sorted(sort, dir)));
        // the list's own path: the pager's and headings' links (@lists) carry the request's filters, sort and size
        model.addAttribute("pageUrl", "/warehouses");
        return "catalog/warehouses";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("warehouse", new WarehouseCommand());
        model.addAttribute("editing", false);
        return "catalog/warehouse-form";
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("warehouse") WarehouseCommand warehouse,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("editing", false);
        if (binding.hasErrors() || !FormErrors.run(binding, () -> warehouses.create(warehouse))) {
            return "catalog/warehouse-form";
        }
        redirect.addFlashAttribute("flash", messages.get("warehouses.saved", warehouse.getCode()));
        return "redirect:/warehouses/" + warehouse.getCode();
    }

    @GetMapping("/{code}")
    String detail(@PathVariable String code, Model model) {
        WarehouseView view = warehouses.get(code);
        model.addAttribute("warehouse", WarehouseCommand.from(view));
        model.addAttribute("location", new LocationCommand());
        return detailPage(code, model);
    }

    private String detailPage(String code, Model model) {
        model.addAttribute("editing", true);
        model.addAttribute("code", code);
        model.addAttribute("locations", warehouses.locations(code));
        return "catalog/warehouse-form";
    }

    @PostMapping("/{code}")
    String update(
            @PathVariable String code,
            @Valid @ModelAttribute("warehouse") WarehouseCommand warehouse,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        warehouse.setCode(code);
        if (binding.hasErrors() || !FormErrors.run(binding, () -> warehouses.update(code, warehouse))) {
            model.addAttribute("location", new LocationCommand());
            return detailPage(code, model);
        }
        redirect.addFlashAttribute("flash", messages.get("warehouses.saved", code));
        return "redirect:/warehouses/" + code;
    }

    @PostMapping("/{code}/delete")
    String delete(@PathVariable String code, RedirectAttributes redirect) {
        try {
            warehouses.delete(code);
            redirect.addFlashAttribute("flash", messages.get("warehouses.deleted", code));
            return "redirect:/warehouses";
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("flashError", FormErrors.describe(e));
            return "redirect:/warehouses/" + code;
        }
    }

    @PostMapping("/{code}/locations")
    String addLocation(
            @PathVariable String code,
            @Valid @ModelAttribute("location") LocationCommand location,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors() || !FormErrors.run(binding, () -> warehouses.createLocation(code, location))) {
            model.addAttribute("warehouse", WarehouseCommand.from(warehouses.get(code)));
            return detailPage(code, model);
        }
        redirect.addFlashAttribute("flash", messages.get("locations.saved", location.getCode()));
        return "redirect:/warehouses/" + code;
    }

    @GetMapping("/{code}/locations/{location}/edit")
    String editLocation(@PathVariable String code, @PathVariable String location, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("location", LocationCommand.from(warehouses.location(code, location)));
        return "catalog/location-form";
    }

    @PostMapping("/{code}/locations/{location}")
    String updateLocation(
            @PathVariable String code,
            @PathVariable String location,
            @Valid @ModelAttribute("location") LocationCommand command,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        command.setCode(location);
        if (binding.hasErrors() || !FormErrors.run(binding, () -> warehouses.updateLocation(code, location, command))) {
            model.addAttribute("code", code);
            return "catalog/location-form";
        }
        redirect.addFlashAttribute("flash", messages.get("locations.saved", location));
        return "redirect:/warehouses/" + code;
    }

    @PostMapping("/{code}/locations/{location}/delete")
    String deleteLocation(@PathVariable String code, @PathVariable String location, RedirectAttributes redirect) {
        try {
            warehouses.deleteLocation(code, location);
            redirect.addFlashAttribute("flash", messages.get("locations.deleted", location));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("flashError", FormErrors.describe(e));
        }
        return "redirect:/warehouses/" + code;
    }
}

package org.openvmi.stockpolicy.web;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.web.FormErrors;
import org.openvmi.stockpolicy.PolicyMode;
import org.openvmi.stockpolicy.StockPolicies;
import org.openvmi.stockpolicy.StockPolicyCommand;
import org.openvmi.stockpolicy.StockPolicyView;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

/** The stock lines page: filter, edit many rows at once (all or nothing), add one, delete one. */
@Controller
@RequestMapping("/stock-policies")
class StockPolicyPageController {

    private static final int PAGE_SIZE = 50;

    private final StockPolicies policies;
    private final Validator validator;
    private final MessageSource messages;
    private final StockLevelCharts charts;

    StockPolicyPageController(
            StockPolicies policies, Validator validator, MessageSource messages, StockLevelCharts charts) {
        this.policies = policies;
        this.validator = validator;
        this.messages = messages;
        this.charts = charts;
    }

    /** The rows of the bulk edit form. */
    public static class RowsForm {
        private List<StockPolicyCommand> rows = new ArrayList<>();

        public List<StockPolicyCommand> getRows() {
            return rows;
        }

        public void setRows(List<StockPolicyCommand> rows) {
            this.rows = rows;
        }
    }

    @ModelAttribute("modes")
    PolicyMode[] modes() {
        return PolicyMode.values();
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) PolicyMode mode,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        PageResult<StockPolicyView> result =
                policies.find(location, q, mode, PageRequest.forPage(page, size).sorted(sort, dir));
        RowsForm form = new RowsForm();
        result.content().forEach(v -> form.rows.add(StockPolicyCommand.from(v)));
        model.addAttribute("form", form);
        model.addAttribute("added", new StockPolicyCommand());
        return page(location, q, mode, result, model);
    }

    @PostMapping
    String saveAll(
            @ModelAttribute("form") RowsForm form,
            BindingResult binding,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) PolicyMode mode,
            @RequestParam(required = false) Integer page,
            Model model,
            RedirectAttributes redirect) {
        try {
            int saved = policies.putAll(form.rows, validator).size();
            redirect.addFlashAttribute("flash", text("stockpolicy.savedAll", saved));
            return "redirect:" + listUrl(location, q, mode, page);
        } catch (InvalidInputException e) {
            for (FieldErrors.FieldError error : e.errors()) {
                FormErrors.rejectValue(binding, "rows" + error.field(), error);
            }
        } catch (RuntimeException e) {
            binding.reject("failed", FormErrors.describe(e));
        }
        model.addAttribute("added", new StockPolicyCommand());
        return page(location, q, mode, policies.find(location, q, mode, PageRequest.of(page, PAGE_SIZE)), model);
    }

    @PostMapping("/add")
    String add(
            @Valid @ModelAttribute("added") StockPolicyCommand added,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()
                || !FormErrors.run(binding, () -> policies.put(added.getItem(), added.getLocation(), added))) {
            PageResult<StockPolicyView> result = policies.find(null, null, null, PageRequest.of(0, PAGE_SIZE));
            RowsForm form = new RowsForm();
            result.content().forEach(v -> form.rows.add(StockPolicyCommand.from(v)));
            model.addAttribute("form", form);
            return page(null, null, null, result, model);
        }
        redirect.addFlashAttribute("flash", text("stockpolicy.saved", added.getItem(), added.getLocation()));
        return "redirect:/stock-policies?location=" + added.getLocation() + "&q=" + added.getItem();
    }

    /** One item in one warehouse: its stock over the last 90 days against its three lines, and its alerts. */
    @GetMapping("/{item}/{location}")
    String chart(@PathVariable String item, @PathVariable String location, Model model) {
        StockPolicyView policy = policies.get(item, location);
        model.addAttribute("policy", policy);
        model.addAttribute("chart", charts.chart(policy, messages));
        return "stockpolicy/chart";
    }

    @PostMapping("/{item}/{location}/delete")
    String delete(@PathVariable String item, @PathVariable String location, RedirectAttributes redirect) {
        try {
            policies.delete(item, location);
            redirect.addFlashAttribute("flash", text("stockpolicy.deleted", item, location));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("flashError", FormErrors.describe(e));
        }
        return "redirect:/stock-policies?location=" + location;
    }

    private String page(String location, String q, PolicyMode mode, PageResult<StockPolicyView> result, Model model) {
        model.addAttribute("location", location);
        model.addAttribute("q", q);
        model.addAttribute("mode", mode);
        model.addAttribute("page", result);
        model.addAttribute("views", result.content());
        model.addAttribute("pageUrl", listUrl(location, q, mode, null));
        return "stockpolicy/policies";
    }

    private static String listUrl(String location, String q, PolicyMode mode, Integer page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/stock-policies");
        if (location != null && !location.isBlank()) {
            b.queryParam("location", location);
        }
        if (q != null && !q.isBlank()) {
            b.queryParam("q", q);
        }
        if (mode != null) {
            b.queryParam("mode", mode);
        }
        if (page != null && page > 0) {
            b.queryParam("page", page);
        }
        return b.encode().toUriString();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}

package org.openvmi.rules.web;

import java.util.function.Supplier;
import org.openvmi.channels.ChannelView;
import org.openvmi.channels.Channels;
import org.openvmi.rules.BacktestRequest;
import org.openvmi.rules.DryRunView;
import org.openvmi.rules.RuleView;
import org.openvmi.rules.Rules;
import org.openvmi.rules.ValidationRequest;
import org.openvmi.rules.ValidationResult;
import org.openvmi.rules.model.Action;
import org.openvmi.rules.model.Templates;
import org.openvmi.rules.model.Variable;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.web.FormErrors;
import org.springframework.beans.BeanUtils;
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

/**
 * The rule pages: the list (with the templates to start from and what rules did lately), the editor (CEL textarea,
 * the variable list, examples, "validate" showing each error with its line and column, "dry-run" showing which
 * subjects would fire), the run log and the versions.
 */
@Controller
@RequestMapping("/rules")
class RulePageController {

    private static final String LIST = "rules/list";
    private static final String EDIT = "rules/edit";

    private final Rules rules;
    private final MessageSource messages;

    private final Channels channels;

    RulePageController(Rules rules, MessageSource messages, Channels channels) {
        this.channels = channels;
        this.rules = rules;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", rules.find(PageRequest.of(page, 50)));
        model.addAttribute("pageUrl", "/rules");
        model.addAttribute("templates", rules.templates());
        model.addAttribute("firings", rules.firings(null, null, 20));
        return LIST;
    }

    @GetMapping("/new")
    String create(@RequestParam(required = false) String template, Model model) {
        RuleForm form = (template == null
                        ? java.util.Optional.<org.openvmi.rules.TemplateView>empty()
                        : rules.template(template))
                .map(t -> RuleForm.of(t.rule(), false, null))
                .orElseGet(RuleForm::new);
        model.addAttribute("rule", form);
        return editor(null, model);
    }

    @PostMapping
    String save(@ModelAttribute("rule") RuleForm form, BindingResult binding, Model model) {
        RuleView[] created = new RuleView[1];
        if (attempt(binding, () -> created[0] = rules.create(form.request()))) {
            return "redirect:/rules/" + created[0].id();
        }
        return editor(null, model);
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model, RedirectAttributes redirect) {
        RuleView rule;
        try {
            rule = rules.get(id);
        } catch (NotFoundException e) {
            redirect.addFlashAttribute(
                    "flashError",
                    messages.getMessage("rules.notFound", new Object[] {id}, LocaleContextHolder.getLocale()));
            return "redirect:/rules";
        }
        model.addAttribute("rule", RuleForm.of(rule));
        return editor(rule, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("rule") RuleForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (attempt(binding, () -> rules.update(id, form.request()))) {
            redirect.addFlashAttribute(
                    "flash", messages.getMessage("rules.saved", null, LocaleContextHolder.getLocale()));
            return "redirect:/rules/" + id;
        }
        return editor(rules.get(id), model);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            rules.delete(id);
            redirect.addFlashAttribute(
                    "flash", messages.getMessage("rules.deleted", null, LocaleContextHolder.getLocale()));
        } catch (NotFoundException e) {
            redirect.addFlashAttribute(
                    "flashError",
                    messages.getMessage("rules.notFound", new Object[] {id}, LocaleContextHolder.getLocale()));
        }
        return "redirect:/rules";
    }

    /** Validates the condition as typed, and dry-runs the rule as typed when it is valid (nothing is saved). */
    @PostMapping("/validate")
    String validate(
            @ModelAttribute("rule") RuleForm form,
            BindingResult binding,
            @RequestParam(required = false) Long id,
            Model model) {
        ValidationResult validation = rules.validate(new ValidationRequest(form.getCondition(), "CONDITION"));
        model.addAttribute("validation", validation);
        model.addAttribute(
                "validationMessages",
                validation.errors().stream().map(this::say).toList());
        DryRunView[] run = new DryRunView[1];
        if (attempt(binding, () -> run[0] = rules.dryRun(form.request()))) {
            model.addAttribute("dryRun", run[0]);
            if (form.getTestItem() != null && !form.getTestItem().isBlank()) {
                model.addAttribute("itemTest", rules.testOn(form.request(), form.getTestItem()));
            }
        }
        return editor(id == null ? null : rules.get(id), model);
    }

    @PostMapping("/{id}/dry-run")
    String dryRun(@PathVariable long id, Model model) {
        RuleView rule = rules.get(id);
        model.addAttribute("rule", RuleForm.of(rule));
        model.addAttribute("dryRun", rules.dryRun(id));
        return editor(rule, model);
    }

    /** Back-tests the saved rule over the days asked (90 by default); a bad number goes on the days field. */
    @PostMapping("/{id}/backtest")
    String backtest(@PathVariable long id, @RequestParam(required = false) String days, Model model) {
        RuleView rule = rules.get(id);
        model.addAttribute("rule", RuleForm.of(rule));
        model.addAttribute("backtestDays", days);
        Integer n;
        try {
            n = days == null || days.isBlank() ? null : Integer.valueOf(days.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        try {
            model.addAttribute("backtest", rules.backtest(id, new BacktestRequest(n)));
        } catch (InvalidInputException e) {
            model.addAttribute(
                    "backtestError",
                    messages.getMessage(
                            "domain.rules.backtestDays",
                            new Object[] {Rules.MAX_BACKTEST_DAYS},
                            LocaleContextHolder.getLocale()));
        }
        return editor(rule, model);
    }

    /** A CEL problem in the page's language: ours translated; CEL's own message kept, its position wrapper translated. */
    private String say(ValidationResult.Problem p) {
        java.util.Locale locale = LocaleContextHolder.getLocale();
        if (p.code() != null) {
            return messages.getMessage("domain." + p.code(), p.args().toArray(), p.message(), locale);
        }
        if (p.line() > 0) {
            return messages.getMessage("rules.errorAt", new Object[] {p.line(), p.column(), p.message()}, locale);
        }
        return messages.getMessage("domain.rules.celNoPosition", new Object[] {p.message()}, locale);
    }

    private String editor(RuleView stored, Model model) {
        model.addAttribute("stored", stored);
        model.addAttribute("variables", Variable.ALL);
        model.addAttribute("severities", Action.Severity.values());
        model.addAttribute(
                "channels", channels.list().stream().map(ChannelView::code).toList());
        model.addAttribute(
                "events",
                java.util.Arrays.stream(org.openvmi.rules.model.Trigger.Event.values())
                        .map(Enum::name)
                        .toList());
        model.addAttribute(
                "examples",
                java.util.List.of(
                        Templates.STALE_CONDITION,
                        Templates.REORDER_CONDITION,
                        "available < safety && onOrder == 0.0",
                        "category == \"bearings\" && stockValue > 10000.0"));
        if (stored != null) {
            model.addAttribute(
                    "runs", rules.runs(stored.id(), PageRequest.of(0, 20)).content());
            model.addAttribute("versions", rules.versions(stored.id()));
        }
        return EDIT;
    }

    private static final java.util.regex.Pattern ACTION_FIELD =
            java.util.regex.Pattern.compile("^actions\\[(\\d+)]\\.(\\w+)$");

    /** Runs the use case; its refusals go on the editor's fields (trigger.cron → cron, actions[0].quantity → quantity). */
    private static boolean attempt(BindingResult binding, Supplier<?> action) {
        InvalidInputException[] invalid = new InvalidInputException[1];
        boolean ok = FormErrors.run(binding, () -> {
            try {
                Object unused = action.get();
            } catch (InvalidInputException e) {
                invalid[0] = e;
            }
        });
        if (invalid[0] == null) {
            return ok;
        }
        RuleForm form = binding.getTarget() instanceof RuleForm f ? f : null;
        for (FieldErrors.FieldError fe : invalid[0].errors()) {
            String field = fe.field() == null ? null : fe.field().replaceFirst("^trigger\\.", "");
            java.util.regex.Matcher onAction = field == null ? null : ACTION_FIELD.matcher(field);
            if (onAction != null && onAction.matches()) {
                String mapped =
                        form == null ? null : form.actionField(Integer.parseInt(onAction.group(1)), onAction.group(2));
                field = mapped == null ? onAction.group(2) : mapped;
            }
            if (field != null && BeanUtils.getPropertyDescriptor(RuleForm.class, field) != null) {
                FormErrors.rejectValue(binding, field, fe);
            } else {
                binding.reject(
                        fe.code() == null ? "rules.invalid" : "domain." + fe.code(),
                        fe.args().toArray(),
                        fe.message());
            }
        }
        return false;
    }
}

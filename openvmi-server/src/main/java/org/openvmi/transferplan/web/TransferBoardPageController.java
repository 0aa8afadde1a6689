package org.openvmi.transferplan.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openvmi.shared.web.FormErrors;
import org.openvmi.transferplan.TransferPlanRequest;
import org.openvmi.transferplan.TransferPlanView;
import org.openvmi.transferplan.TransferPlans;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The transfer board (调拨看板): days of cover per warehouse before and after the plan, its moves, accept. */
@Controller
@RequestMapping("/transfer-plans")
class TransferBoardPageController {

    /** The page shows this many moves and purchases; the API gives all. */
    static final int SHOWN = 300;

    private final TransferPlans plans;
    private final MessageSource messages;

    TransferBoardPageController(TransferPlans plans, MessageSource messages) {
        this.plans = plans;
        this.messages = messages;
    }

    @GetMapping
    String board(Model model) {
        return show(plans.latest().orElse(null), model);
    }

    @GetMapping("/{id}")
    String plan(@PathVariable long id, Model model) {
        return show(plans.get(id), model);
    }

    @PostMapping
    String create(
            @RequestParam(required = false) String warehouses,
            @RequestParam(required = false) String items,
            @RequestParam(required = false) Integer coverDays,
            RedirectAttributes redirect) {
        try {
            TransferPlanView plan = plans.create(new TransferPlanRequest(codes(warehouses), codes(items), coverDays));
            redirect.addFlashAttribute(
                    "flash",
                    text("transferBoard.created", plan.id(), plan.moves().size()));
            return "redirect:/transfer-plans/" + plan.id();
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("flashError", FormErrors.describe(e, messages));
            return "redirect:/transfer-plans";
        }
    }

    @PostMapping("/{id}/accept")
    String accept(@PathVariable long id, RedirectAttributes redirect) {
        try {
            TransferPlanView plan = plans.accept(id);
            long transfers = plan.moves().stream()
                    .map(TransferPlanView.Move::transfer)
                    .distinct()
                    .count();
            redirect.addFlashAttribute("flash", text("transferBoard.accepted", id, transfers));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("flashError", FormErrors.describe(e, messages));
        }
        return "redirect:/transfer-plans/" + id;
    }

    private String show(TransferPlanView plan, Model model) {
        model.addAttribute("plan", plan);
        if (plan != null) {
            model.addAttribute(
                    "moves",
                    plan.moves().subList(0, Math.min(SHOWN, plan.moves().size())));
            model.addAttribute(
                    "purchases",
                    plan.purchases().subList(0, Math.min(SHOWN, plan.purchases().size())));
            model.addAttribute("shown", SHOWN);
            model.addAttribute("chart", chart(plan));
        }
        return "transferplan/board";
    }

    private Map<String, Object> chart(TransferPlanView plan) {
        List<String> warehouses = new ArrayList<>();
        List<Object> before = new ArrayList<>();
        List<Object> after = new ArrayList<>();
        for (TransferPlanView.Cover c : plan.cover()) {
            warehouses.add(c.warehouse());
            before.add(c.daysBefore());
            after.add(c.daysAfter());
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("warehouses", warehouses);
        chart.put("before", before);
        chart.put("after", after);
        chart.put("beforeLabel", text("transferBoard.coverBefore"));
        chart.put("afterLabel", text("transferBoard.coverAfter"));
        chart.put("axisLabel", text("transferBoard.coverDays"));
        chart.put("threshold", plan.coverDays());
        chart.put("thresholdLabel", text("transferBoard.threshold"));
        return chart;
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, locale);
    }

    static List<String> codes(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(text.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}

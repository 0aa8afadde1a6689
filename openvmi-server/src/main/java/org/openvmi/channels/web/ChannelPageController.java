package org.openvmi.channels.web;

import java.util.List;
import org.openvmi.channels.Channels;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The channel allocation page: channels and their rules, ATP of items per channel (paused ones marked), the log; and
 * the channel create/edit form (ADMIN and BUYER) for the allocation rule.
 */
@Controller
class ChannelPageController {

    private final Channels channels;
    private final MessageSource messages;

    ChannelPageController(Channels channels, MessageSource messages) {
        this.channels = channels;
        this.messages = messages;
    }

    @GetMapping("/channels")
    String board(@RequestParam(required = false) String items, Model model) {
        model.addAttribute("items", items == null ? "" : items);
        try {
            model.addAttribute("board", channels.board(items == null || items.isBlank() ? List.of() : List.of(items)));
        } catch (InvalidInputException e) {
            model.addAttribute("flashError", FormErrors.describe(e, messages));
            model.addAttribute("board", channels.board(List.of()));
        }
        return "channels/board";
    }

    @GetMapping("/channels/new")
    String newForm(Model model) {
        model.addAttribute("channel", new ChannelForm());
        model.addAttribute("editing", false);
        return "channels/form";
    }

    @PostMapping("/channels")
    String create(
            @ModelAttribute("channel") ChannelForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors() || !FormErrors.run(binding, () -> channels.create(form.toRequest()))) {
            model.addAttribute("editing", false);
            return "channels/form";
        }
        return saved(redirect, form.getCode());
    }

    @GetMapping("/channels/{code}/edit")
    String editForm(@PathVariable String code, Model model) {
        model.addAttribute("channel", ChannelForm.of(channels.get(code)));
        model.addAttribute("editing", true);
        return "channels/form";
    }

    @PostMapping("/channels/{code}")
    String update(
            @PathVariable String code,
            @ModelAttribute("channel") ChannelForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        form.setCode(code);
        if (binding.hasErrors() || !FormErrors.run(binding, () -> channels.update(code, form.toRequest()))) {
            model.addAttribute("editing", true);
            return "channels/form";
        }
        return saved(redirect, code);
    }

    private String saved(RedirectAttributes redirect, String code) {
        redirect.addFlashAttribute(
                "flash", messages.getMessage("channels.saved", new Object[] {code}, LocaleContextHolder.getLocale()));
        return "redirect:/channels";
    }
}

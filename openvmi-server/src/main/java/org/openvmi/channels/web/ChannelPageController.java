package org.openvmi.channels.web;

import java.util.List;
import org.openvmi.channels.Channels;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The channel allocation page: channels and their rules, ATP of items per channel (paused ones marked), the log. */
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
}

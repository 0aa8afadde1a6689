package org.openvmi.audit.web;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.openvmi.audit.AuditTrail;
import org.openvmi.audit.AuditTrail.AuditQuery;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.web.EnumLabels;
import org.openvmi.shared.web.RefusalTexts;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/** The audit log page (ADMIN): filters by actor, action, entity, key and dates, newest first, paged. */
@Controller
@RequestMapping("/admin/audit")
class AuditPageController {

    /** Suggestions for the action filter; any text can be typed. */
    static final List<String> KNOWN_ACTIONS = List.of("CREATE", "UPDATE", "DELETE", "REVOKE", "LOGIN_FAILURE", "LOCK");

    static final List<String> KNOWN_ENTITIES = List.of("item", "user", "api-key", "login");

    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;
    private final MessageSource messages;
    private final RefusalTexts refusals;

    AuditPageController(AuditTrail audit, JsonMapper json, Clock clock, MessageSource messages, RefusalTexts refusals) {
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.messages = messages;
        this.refusals = refusals;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String entityKey,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("entity", entity);
        model.addAttribute("entityKey", entityKey);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("knownActions", KNOWN_ACTIONS);
        model.addAttribute("knownEntities", KNOWN_ENTITIES);
        PageRequest paging = PageRequest.forPage(page, size).sorted(sort, dir);
        PageResult<AuditRow> rows;
        try {
            AuditQuery query = new AuditQuery(
                    actor,
                    action,
                    entity,
                    entityKey,
                    AuditPeriod.from(from, clock.getZone()),
                    AuditPeriod.to(to, clock.getZone()));
            rows = audit.find(query, paging).map(e -> AuditRow.of(e, actionLabel(e.action()), json, refusals::coded));
        } catch (InvalidInputException e) {
            model.addAttribute(
                    "flashError", message("audit.error." + e.errors().get(0).field()));
            rows = new PageResult<>(List.of(), paging.page(), paging.size(), 0);
        }
        model.addAttribute("page", rows);
        model.addAttribute(
                "pageUrl",
                UriComponentsBuilder.fromPath("/admin/audit")
                        .queryParamIfPresent("actor", present(actor))
                        .queryParamIfPresent("action", present(action))
                        .queryParamIfPresent("entity", present(entity))
                        .queryParamIfPresent("entityKey", present(entityKey))
                        .queryParamIfPresent("from", present(from))
                        .queryParamIfPresent("to", present(to))
                        .encode()
                        .build()
                        .toUriString());
        return "audit/audit-log";
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(s -> !s.isBlank());
    }

    private String actionLabel(String action) {
        return messages.getMessage(
                EnumLabels.key("AuditAction", action), null, action, LocaleContextHolder.getLocale());
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}

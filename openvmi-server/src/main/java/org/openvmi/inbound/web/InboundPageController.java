package org.openvmi.inbound.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openvmi.inbound.InboundFileReport;
import org.openvmi.inbound.InboundFiles;
import org.openvmi.inbound.InboundKind;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.PartyScope;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The file drop page: upload a CSV/XLSX file of inbound documents and see the row report. */
@Controller
class InboundPageController {

    private static final String VIEW = "inbound/files";

    private final InboundFiles files;
    private final MessageSource messages;

    InboundPageController(InboundFiles files, MessageSource messages) {
        this.files = files;
        this.messages = messages;
    }

    @GetMapping("/inbound")
    String page(@RequestParam(required = false) String kind, Model model) {
        prepare(model, kind);
        return VIEW;
    }

    @PostMapping("/inbound/movements/file")
    String movements(@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        return upload(InboundKind.MOVEMENTS, file, model);
    }

    @PostMapping("/inbound/consumptions/file")
    String consumptions(@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        return upload(InboundKind.CONSUMPTIONS, file, model);
    }

    @PostMapping("/inbound/supplier-stock/file")
    String supplierStock(@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        return upload(InboundKind.SUPPLIER_STOCK, file, model);
    }

    private String upload(InboundKind k, MultipartFile file, Model model) throws IOException {
        prepare(model, slug(k));
        if (file == null || file.isEmpty()) {
            model.addAttribute(
                    "inboundError",
                    messages.getMessage("imports.noFile", null, "imports.noFile", LocaleContextHolder.getLocale()));
            return VIEW;
        }
        try (InputStream in = file.getInputStream()) {
            InboundFileReport report = files.post(k, file.getOriginalFilename(), in);
            model.addAttribute("report", report);
            model.addAttribute("fileName", file.getOriginalFilename());
        } catch (InvalidInputException | ConflictException | BusinessRuleException e) {
            model.addAttribute("inboundError", e.getMessage());
        }
        return VIEW;
    }

    /** The kinds the caller may drop: a supplier user its stock only, the buyer side movements and consumption. */
    private static void prepare(Model model, String requested) {
        List<String> kinds = new ArrayList<>();
        if (PartyScope.current().seesAll()) {
            kinds.add(slug(InboundKind.MOVEMENTS));
            kinds.add(slug(InboundKind.CONSUMPTIONS));
        }
        kinds.add(slug(InboundKind.SUPPLIER_STOCK));
        String kind = requested != null && kinds.contains(requested) ? requested : kinds.get(0);
        model.addAttribute("kinds", kinds);
        model.addAttribute("kind", kind);
        model.addAttribute(
                "columns",
                kinds.stream()
                        .collect(java.util.stream.Collectors.toMap(
                                s -> s,
                                s -> String.join(
                                        ",",
                                        InboundFiles.columns(InboundKind.valueOf(
                                                s.replace('-', '_').toUpperCase(Locale.ROOT)))))));
    }

    static String slug(InboundKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

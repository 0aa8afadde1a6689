package org.openvmi.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.catalog.ImportProperties;
import org.openvmi.catalog.ImportResult;
import org.openvmi.catalog.ImportService;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.tabular.TabularFormat;
import org.openvmi.shared.web.UploadLimits;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/** The import / export page: upload a file per entity and see every bad row; download each list. */
@Controller
class ImportPageController {

    private static final String VIEW = "catalog/imports";

    private final ImportService imports;
    private final ImportProperties properties;
    private final MessageSource messages;

    ImportPageController(ImportService imports, ImportProperties properties, MessageSource messages) {
        this.imports = imports;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping("/imports")
    String page(@RequestParam(required = false) String entity, Model model) {
        prepare(model, entity, false);
        return VIEW;
    }

    @PostMapping("/imports/{entity}")
    String importFile(
            @PathVariable String entity,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean partial,
            Model model)
            throws IOException {
        prepare(model, entity, partial);
        if (file == null || file.isEmpty()) {
            model.addAttribute("importError", message("imports.noFile"));
            return VIEW;
        }
        Uploads.checkSize(file, properties);
        try (InputStream in = file.getInputStream()) {
            ImportResult result = imports.importFile(entity, file.getOriginalFilename(), in, partial);
            model.addAttribute("result", result);
            model.addAttribute("refused", !partial && result.rejected() > 0);
            model.addAttribute("fileName", file.getOriginalFilename());
        } catch (InvalidInputException | ConflictException | BusinessRuleException e) {
            model.addAttribute("importError", e.getMessage());
        }
        return VIEW;
    }

    @GetMapping("/exports/{entity}")
    ResponseEntity<byte[]> export(
            @PathVariable String entity,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String encoding,
            @RequestParam(defaultValue = "true") boolean bom) {
        return Uploads.download(imports.export(entity, TabularFormat.parse(format, encoding, bom)));
    }

    /** A too large upload: the page again, saying so, instead of an error page. */
    @ExceptionHandler({MultipartException.class, IllegalStateException.class})
    ModelAndView uploadFailed(Exception e, HttpServletRequest request) throws Exception {
        if (!UploadLimits.exceeded(e)) {
            throw e;
        }
        ModelAndView page = new ModelAndView(VIEW);
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String entity = vars instanceof Map<?, ?> m && m.get("entity") instanceof String s ? s : null;
        prepare(page.getModelMap(), entity, false);
        DataSize max = properties.maxFileSize();
        page.addObject(
                "importError",
                message(
                        "imports.tooLarge",
                        max.toMegabytes() > 0 ? max.toMegabytes() + " MB" : max.toKilobytes() + " KB"));
        return page;
    }

    private void prepare(Map<String, Object> model, String entity, boolean partial) {
        List<String> entities = imports.entities();
        String chosen = entity != null && entities.contains(entity) ? entity : entities.get(0);
        Map<String, String> columns = new LinkedHashMap<>();
        entities.forEach(e -> columns.put(e, String.join(",", imports.columns(e))));
        model.put("entities", entities);
        model.put("entity", chosen);
        model.put("columns", columns);
        model.put("partial", partial);
    }

    private void prepare(Model model, String entity, boolean partial) {
        prepare(model.asMap(), entity, partial);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}

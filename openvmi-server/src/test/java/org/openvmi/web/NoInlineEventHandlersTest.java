package org.openvmi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy runs scripts only from our own files, so an inline handler ({@code onsubmit="return
 * confirm(…)"}, {@code onclick=…}, also written through {@code th:attr} or {@code th:onclick}) or a
 * {@code javascript:} link is silently ignored by the browser: a delete asked for no confirmation. Behaviour is wired
 * by data attributes (data-confirm, data-auto-submit, data-check-all…) in static/js/openvmi.js instead.
 */
class NoInlineEventHandlersTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** onclick=, onsubmit = …, th:onchange=, and inside th:attr="onsubmit=…"; not data-on… or words like "upon=". */
    private static final Pattern HANDLER =
            Pattern.compile("(?<![\\w-])(?:th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    private static final Pattern JAVASCRIPT_URL = Pattern.compile("(?i)\\bjavascript:");

    @Test
    void no_template_has_an_inline_event_handler_or_a_javascript_url() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(TEMPLATES)) {
            files = walk.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(files).as("templates found").hasSizeGreaterThan(50);
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                for (Pattern pattern : List.of(HANDLER, JAVASCRIPT_URL)) {
                    Matcher m = pattern.matcher(lines.get(i));
                    while (m.find()) {
                        found.add(TEMPLATES.relativize(file) + ":" + (i + 1) + ": "
                                + lines.get(i).trim());
                    }
                }
            }
        }
        assertThat(found)
                .as("inline handlers (use a data attribute handled in static/js/openvmi.js)")
                .isEmpty();
    }

    @Test
    void the_pattern_catches_the_forms_that_were_used() {
        assertThat(HANDLER.matcher("th:attr=\"onsubmit='return confirm(1)'\"").find())
                .isTrue();
        assertThat(HANDLER.matcher("<button onclick=\"go()\">").find()).isTrue();
        assertThat(HANDLER.matcher("<select th:onchange=\"x\">").find()).isTrue();
        assertThat(HANDLER.matcher("<form data-confirm=\"?\" data-on-save=\"x\">")
                        .find())
                .isFalse();
    }
}

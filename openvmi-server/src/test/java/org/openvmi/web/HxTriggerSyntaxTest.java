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
 * htmx reads {@code from:} up to the next space unless the selector is in parentheses, so
 * {@code change from:#movement-filters select} listened on the form itself and logged {@code htmx:syntax:error} for
 * the word "select": on the movements page, picking a warehouse, an owner or a date no longer refreshed the list (seen
 * in chromium's console). A selector with a space is written {@code from:(#filters select)}.
 */
class HxTriggerSyntaxTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern TRIGGER = Pattern.compile("hx-trigger\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    /** What may follow an event's {@code from:} selector in the same trigger: another modifier, nothing else. */
    private static final Pattern MODIFIER =
            Pattern.compile("changed|once|consume|delay:\\S+|throttle:\\S+|queue:\\S+|target:\\S+|from:\\S+");
    /** htmx's own words that take a selector after a space: from:closest form. */
    private static final Pattern RELATIVE = Pattern.compile("closest|find|next|previous");

    @Test
    void every_from_selector_with_a_space_is_in_parentheses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(TEMPLATES)) {
            files = walk.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(files).as("templates found").hasSizeGreaterThan(50);
        List<String> found = new ArrayList<>();
        int triggers = 0;
        for (Path file : files) {
            Matcher m = TRIGGER.matcher(Files.readString(file));
            while (m.find()) {
                triggers++;
                String spec = m.group(1) != null ? m.group(1) : m.group(2);
                String problem = problem(spec);
                if (problem != null) {
                    found.add(TEMPLATES.relativize(file) + ": " + problem + " in «" + spec + "»");
                }
            }
        }
        assertThat(triggers).as("hx-trigger attributes found").isPositive();
        assertThat(found).as("from: selectors htmx cannot parse").isEmpty();
    }

    @Test
    void the_check_refuses_what_htmx_refused_and_accepts_what_it_reads() {
        assertThat(problem("change from:#movement-filters select")).isNotNull();
        assertThat(problem("change from:#f input[type=date], change from:#location"))
                .isNotNull();
        assertThat(problem("change from:(#movement-filters select), input changed delay:300ms from:#q"))
                .isNull();
        assertThat(problem("input changed delay:300ms from:#q, change from:#category"))
                .isNull();
        assertThat(problem("click from:closest form")).isNull();
        assertThat(problem("load, every 1s")).isNull();
    }

    /** The first unreadable {@code from:} of a trigger list, or null. */
    static String problem(String spec) {
        for (String trigger : split(spec)) {
            String[] words = trigger.trim().split("\\s+");
            for (int i = 0; i < words.length; i++) {
                if (!words[i].startsWith("from:") || words[i].startsWith("from:(")) {
                    continue;
                }
                int next = i + 1;
                if (RELATIVE.matcher(words[i].substring(5)).matches()) {
                    next++; // the selector after closest/find/next/previous
                }
                for (int j = next; j < words.length; j++) {
                    if (!MODIFIER.matcher(words[j]).matches()) {
                        return "'" + words[j] + "' after " + words[i];
                    }
                }
            }
        }
        return null;
    }

    /** The triggers of a list: split at commas outside parentheses and brackets. */
    private static List<String> split(String spec) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : spec.toCharArray()) {
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out;
    }
}

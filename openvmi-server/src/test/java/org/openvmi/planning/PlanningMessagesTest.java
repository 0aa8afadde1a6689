package org.openvmi.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The planning bundles: the same keys in English and Chinese, no empty text, reasons that format their numbers. */
class PlanningMessagesTest {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = PlanningMessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void the_english_and_chinese_planning_bundles_have_the_same_keys_and_no_empty_text() throws IOException {
        Properties en = bundle("planning");
        Properties zh = bundle("planning_zh");
        assertThat(en.stringPropertyNames()).isNotEmpty().isEqualTo(zh.stringPropertyNames());
        assertThat(zh.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
        assertThat(en.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
    }

    @Test
    void every_reason_uses_the_stored_numbers_and_leaves_no_placeholder() throws IOException {
        Object[] args = {
            28, "40", "5", "0", "14", "2", "95", "30", "20", "30", "WH2", "500", "30", "S001", "1", "10", "0", "25", "3"
        };
        for (String name : new String[] {"planning", "planning_zh"}) {
            Properties p = bundle(name);
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("planning.reason.")) {
                    String text = new MessageFormat(p.getProperty(key), Locale.ROOT).format(args);
                    assertThat(text)
                            .as(name + ":" + key)
                            .doesNotContain("{")
                            .contains("28")
                            .contains("40")
                            .contains("25");
                }
            }
        }
    }
}

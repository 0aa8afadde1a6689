package org.openvmi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text of the security and audit pages exists in English and in Chinese. */
class SecurityAndAuditMessagesTest {

    private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)");

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = SecurityAndAuditMessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"security", "audit"})
    void the_english_and_chinese_bundles_have_the_same_keys_and_no_empty_text(String name) throws IOException {
        Properties en = bundle(name);
        Properties zh = bundle(name + "_zh");
        assertThat(en.stringPropertyNames()).isNotEmpty().isEqualTo(zh.stringPropertyNames());
        assertThat(zh.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
        assertThat(en.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"security", "audit"})
    void every_message_key_of_the_templates_exists_in_both_languages(String folder) throws IOException {
        Set<String> en = new TreeSet<>();
        Set<String> zh = new TreeSet<>();
        for (String b : new String[] {"messages", "security", "audit"}) {
            en.addAll(bundle(b).stringPropertyNames());
            zh.addAll(bundle(b + "_zh").stringPropertyNames());
        }
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates", folder))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(en).containsAll(used);
        assertThat(zh).containsAll(used);
    }
}

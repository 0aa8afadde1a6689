package org.openvmi.shared.web;

import java.math.BigDecimal;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every BigDecimal of a JSON body is looked at as text before it is parsed. {@code 1e2000000} is nine characters but
 * a number of two million digits once anything writes it out plainly (seconds of CPU, then a 500 from the database);
 * no column holds more than NUMERIC(19, x), so a value with more digits before the point than the widest column,
 * an exponent beyond what such a column could use, or a text longer than any sensible decimal is refused here, cheaply
 * and naming the field. The exact bounds of each column are checked afterwards by {@code @Digits} on the requests.
 */
@Configuration(proxyBeanMethods = false)
class JsonNumbers {

    /** Far beyond any NUMERIC(19, x) column; the exact bound of each column is its request field's @Digits. */
    static final int MAX_INTEGER_DIGITS = 40;

    static final int MAX_TEXT = 64;
    static final int MAX_EXPONENT = 100;
    static final String OUT_OF_RANGE = "out of range: too many digits or too large an exponent";

    @Bean
    JsonMapperBuilderCustomizer boundedBigDecimals() {
        SimpleModule module = new SimpleModule("openvmi-bounded-decimals");
        module.addDeserializer(BigDecimal.class, new Bounded());
        return builder -> builder.addModule(module);
    }

    /** Thrown for a number out of every column's range; its message is the field's message as it is. */
    static final class OutOfRange extends InvalidFormatException {

        OutOfRange(JsonParser p, String message, Object value) {
            super(p, message, value, BigDecimal.class);
        }
    }

    /** The field message for a number that no column can hold, or null when the text is fine to parse. */
    static String refusal(String text) {
        String s = text.trim();
        if (s.length() > MAX_TEXT) {
            return OUT_OF_RANGE;
        }
        int e = Math.max(s.indexOf('e'), s.indexOf('E'));
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (e >= 0) {
            String exponent = s.substring(e + 1);
            String digits = exponent.startsWith("+") || exponent.startsWith("-") ? exponent.substring(1) : exponent;
            if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
                return null; // malformed: left to the standard deserializer's message
            }
            // compared as text first: Integer.parseInt of "2000000000000" would itself fail
            if (digits.length() > 3 || Integer.parseInt(digits) > MAX_EXPONENT) {
                return OUT_OF_RANGE;
            }
        }
        if (mantissa.isEmpty()) {
            return null; // malformed: left to the standard deserializer's message
        }
        try {
            BigDecimal value = new BigDecimal(s); // cheap now: at most 64 characters and a 3-digit exponent
            if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
                return OUT_OF_RANGE;
            }
        } catch (NumberFormatException ignored) {
            return null; // malformed: left to the standard deserializer's message
        }
        return null;
    }

    private static final class Bounded extends ValueDeserializer<BigDecimal> {

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_STRING) {
                String text = p.getString();
                String refusal = text == null ? null : refusal(text);
                if (refusal != null) {
                    throw new OutOfRange(p, refusal, text.length() > 20 ? text.substring(0, 20) + "…" : text);
                }
            }
            return NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
        }
    }
}

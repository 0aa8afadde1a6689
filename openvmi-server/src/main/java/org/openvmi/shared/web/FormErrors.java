package org.openvmi.shared.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.BindingResult;

/**
 * Runs a use case behind a UI form and turns the refusals of the domain (invalid field, duplicate code, business rule)
 * into messages on the form's fields, so the user sees them where they typed.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /** True when the action succeeded; false when its refusal was put on the binding result. */
    public static boolean run(BindingResult binding, Runnable action) {
        try {
            action.run();
            return true;
        } catch (InvalidInputException e) {
            for (FieldErrors.FieldError fe : e.errors()) {
                reject(binding, fe.field(), fe.message());
            }
        } catch (ConflictException e) {
            reject(binding, e.field(), e.getMessage());
        } catch (BusinessRuleException e) {
            reject(binding, e.field(), e.getMessage());
        } catch (NotFoundException e) {
            reject(binding, null, e.getMessage());
        }
        return false;
    }

    public static String describe(RuntimeException e) {
        return e.getMessage();
    }

    /**
     * A refusal as one sentence for the top of a form, in the page's language: each field problem's message is
     * translated where the phrasing is known, and a line is named by its number ("第 2 行：…" / "Line 2: …") instead
     * of its property path ("lines[1].item: unknown item").
     */
    public static String describe(RuntimeException e, MessageSource messages) {
        Locale locale = LocaleContextHolder.getLocale();
        if (e instanceof InvalidInputException invalid) {
            return invalid.errors().stream().map(fe -> {
                Matcher line = LINE.matcher(fe.field() == null ? "" : fe.field());
                String text = translate(fe.message(), messages, locale);
                return line.find() ? messages.getMessage("form.line", new Object[] {Integer.parseInt(line.group(1)) + 1},
                        "Line {0}: ", locale) + text : text;
            }).collect(Collectors.joining("; "));
        }
        return translate(e.getMessage(), messages, locale);
    }

    /**
     * The fields a refusal names, each with its message in the page's language, for forms that show it at the field
     * without a binding result (an entry of a list field counts for the field, {@code approvers[1]} as
     * {@code approvers}; a line's field keeps its path, e.g. {@code lines[1].item}); empty when it names none.
     */
    public static Map<String, String> byField(RuntimeException e, MessageSource messages) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> fields = new LinkedHashMap<>();
        if (e instanceof InvalidInputException invalid) {
            invalid.errors().stream().filter(fe -> fe.field() != null && !fe.field().isBlank())
                    .forEach(fe -> fields.merge(fe.field().replaceAll("\\[\\d+]$", ""), translate(fe.message(), messages, locale),
                            (a, b) -> a + "; " + b));
        } else if (e instanceof ConflictException c && c.field() != null) {
            fields.put(c.field(), translate(c.getMessage(), messages, locale));
        } else if (e instanceof BusinessRuleException b && b.field() != null) {
            fields.put(b.field(), translate(b.getMessage(), messages, locale));
        }
        return fields;
    }

    private static String translate(String message, MessageSource messages, Locale locale) {
        DomainMessageCodes.Coded coded = DomainMessageCodes.of(message);
        return messages.getMessage(new DefaultMessageSourceResolvable(new String[] {coded.code()}, coded.args(), message),
                locale);
    }

    private static final Pattern LINE = Pattern.compile("^\\w*\\[(\\d+)]");

    /**
     * Puts a refusal of the domain on a field given by its property path (e.g. {@code rows[2].safety}), in the
     * page's language where the phrasing is known ({@link DomainMessageCodes}).
     */
    public static void rejectValue(BindingResult binding, String path, String message) {
        DomainMessageCodes.Coded coded = DomainMessageCodes.of(message);
        binding.rejectValue(path, coded.code(), coded.args(), message);
    }

    private static void reject(BindingResult binding, String field, String message) {
        String f = field == null ? null : field.replaceAll("\\[\\d+]$", "");
        if (f != null && binding.getTarget() != null
            && org.springframework.beans.BeanUtils.getPropertyDescriptor(binding.getTarget().getClass(), f) != null) {
            rejectValue(binding, f, message);
        } else {
            DomainMessageCodes.Coded coded = DomainMessageCodes.of(message);
            binding.reject(coded.code(), coded.args(), message);
        }
    }
}

package org.openvmi.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.CodedRefusal;
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

    private FormErrors() {}

    /** True when the action succeeded; false when its refusal was put on the binding result. */
    public static boolean run(BindingResult binding, Runnable action) {
        try {
            action.run();
            return true;
        } catch (InvalidInputException e) {
            for (FieldErrors.FieldError fe : e.errors()) {
                reject(binding, fe);
            }
        } catch (ConflictException e) {
            reject(binding, problem(e));
        } catch (BusinessRuleException e) {
            reject(binding, problem(e));
        } catch (NotFoundException e) {
            reject(binding, new FieldErrors.FieldError(null, e.getMessage()));
        }
        return false;
    }

    /** A conflict or a business rule's refusal as a field problem, with its stable code where it has one. */
    public static FieldErrors.FieldError problem(RuntimeException e) {
        CodedRefusal refusal = e instanceof ConflictException c
                ? c.refusal()
                : e instanceof BusinessRuleException b ? b.refusal() : null;
        String field =
                e instanceof ConflictException c ? c.field() : e instanceof BusinessRuleException b ? b.field() : null;
        return refusal == null
                ? new FieldErrors.FieldError(field, e.getMessage())
                : new FieldErrors.FieldError(field, refusal);
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
        if (e instanceof InvalidInputException invalid) {
            return describe(invalid.errors(), messages, false);
        }
        if (e instanceof ConflictException || e instanceof BusinessRuleException) {
            return translate(problem(e), messages, LocaleContextHolder.getLocale());
        }
        return translate(e.getMessage(), messages, LocaleContextHolder.getLocale());
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
            invalid.errors().stream()
                    .filter(fe -> fe.field() != null && !fe.field().isBlank())
                    .forEach(fe -> fields.merge(
                            fe.field().replaceAll("\\[\\d+]$", ""),
                            translate(fe, messages, locale),
                            (a, b) -> a + "; " + b));
        } else if (e instanceof ConflictException c && c.field() != null) {
            fields.put(c.field(), translate(problem(c), messages, locale));
        } else if (e instanceof BusinessRuleException b && b.field() != null) {
            fields.put(b.field(), translate(problem(b), messages, locale));
        }
        return fields;
    }

    /**
     * A refusal that reached the page as text (a flash message set from {@code e.getMessage()}), in the page's
     * language: the form {@link InvalidInputException} writes ("lines[0].item: unknown item 'X'; qty: …") is read
     * back into its field problems; a text already translated, or not known, stays as it is.
     */
    public static String describe(String message, MessageSource messages) {
        if (message == null || message.isBlank()) {
            return "";
        }
        List<FieldErrors.FieldError> errors = new ArrayList<>();
        for (String part : PROBLEMS.split(message)) {
            Matcher m = FIELD.matcher(part);
            if (!m.matches()) {
                return translate(message, messages, LocaleContextHolder.getLocale());
            }
            errors.add(new FieldErrors.FieldError(m.group(1), m.group(2)));
        }
        return describe(errors, messages, true);
    }

    /**
     * A coded refusal carried as data (a bulk action's outcome per document) in the page's language: its message
     * {@code domain.<code>} with its arguments, its English text where the code has none (ADR 0084).
     */
    public static String describe(org.openvmi.shared.CodedRefusal refusal, MessageSource messages) {
        return translate(
                new FieldErrors.FieldError(null, refusal.message(), refusal.code(), refusal.args()),
                messages,
                LocaleContextHolder.getLocale());
    }

    /** {@code asTyped}: a problem neither translated nor of a known field stays as it came ("Approvers: …"). */
    private static String describe(List<FieldErrors.FieldError> errors, MessageSource messages, boolean asTyped) {
        Locale locale = LocaleContextHolder.getLocale();
        return errors.stream()
                .map(fe -> {
                    String field = fe.field() == null ? "" : fe.field();
                    Matcher line = LINE.matcher(field);
                    String text = translate(fe, messages, locale);
                    if (line.find()) {
                        return messages.getMessage(
                                        "form.line",
                                        new Object[] {Integer.parseInt(line.group(1)) + 1},
                                        "Line {0}: ",
                                        locale)
                                + text;
                    }
                    // a field named by its label where the bundles have one ("名称：请填写此项"), never by its property path
                    String label = messages.getMessage("field." + field.replaceAll(".*\\.", ""), null, null, locale);
                    if (label == null) {
                        return asTyped && text.equals(fe.message()) ? field + ": " + text : text;
                    }
                    return messages.getMessage("form.field", new Object[] {label}, "{0}: ", locale) + text;
                })
                .collect(Collectors.joining("; "));
    }

    /** "field: message" as InvalidInputException joins them; "allowed: …" belongs to the message before it. */
    private static final Pattern FIELD =
            Pattern.compile("([A-Za-z_]\\w*(?:\\[\\d+])?(?:\\.\\w+(?:\\[\\d+])?)*): (.+)", Pattern.DOTALL);

    private static final Pattern PROBLEMS = Pattern.compile("; (?!allowed: )(?=[A-Za-z_][\\w.\\[\\]]*: )");

    private static String translate(String message, MessageSource messages, Locale locale) {
        return translate(new FieldErrors.FieldError(null, message), messages, locale);
    }

    private static String translate(FieldErrors.FieldError problem, MessageSource messages, Locale locale) {
        DomainMessageCodes.Coded coded = coded(problem);
        return messages.getMessage(
                new DefaultMessageSourceResolvable(new String[] {coded.code()}, coded.args(), problem.message()),
                locale);
    }

    /**
     * The message code of a refusal: {@code domain.<code>} when it was raised with a stable code ({@link
     * org.openvmi.shared.CodedRefusal}), else the one its English phrasing is known by ({@link DomainMessageCodes}).
     */
    private static DomainMessageCodes.Coded coded(FieldErrors.FieldError problem) {
        if (problem.code() != null) {
            // a label argument (a status, a kind of document) is resolved by the message source in the page's language
            Object[] args = problem.args().stream()
                    .map(a -> a instanceof CodedRefusal.Label l
                            ? new DefaultMessageSourceResolvable(new String[] {l.key()}, l.fallback())
                            : a instanceof CodedRefusal.Amount m
                                    // money as every page shows it (¥1,200.00), not as the API's text (1200 CNY)
                                    ? MoneyText.format(m.amount(), m.currency(), LocaleContextHolder.getLocale())
                                    : a)
                    .toArray();
            return new DomainMessageCodes.Coded("domain." + problem.code(), args);
        }
        return DomainMessageCodes.of(problem.message());
    }

    private static final Pattern LINE = Pattern.compile("^\\w*\\[(\\d+)]");

    /**
     * Puts a refusal of the domain on a field given by its property path (e.g. {@code rows[2].safety}), in the
     * page's language where the phrasing is known ({@link DomainMessageCodes}).
     */
    public static void rejectValue(BindingResult binding, String path, String message) {
        rejectValue(binding, path, new FieldErrors.FieldError(path, message));
    }

    /** The same for a field problem, translated by its stable code where it has one. */
    public static void rejectValue(BindingResult binding, String path, FieldErrors.FieldError problem) {
        DomainMessageCodes.Coded coded = coded(problem);
        binding.rejectValue(path, coded.code(), coded.args(), problem.message());
    }

    /** Puts a field problem on its field where the form has it, else on the form as a whole. */
    private static void reject(BindingResult binding, FieldErrors.FieldError problem) {
        String f = problem.field() == null ? null : problem.field().replaceAll("\\[\\d+]$", "");
        if (f != null
                && binding.getTarget() != null
                && org.springframework.beans.BeanUtils.getPropertyDescriptor(
                                binding.getTarget().getClass(), f)
                        != null) {
            rejectValue(binding, f, problem);
        } else {
            DomainMessageCodes.Coded coded = coded(problem);
            binding.reject(coded.code(), coded.args(), problem.message());
        }
    }
}

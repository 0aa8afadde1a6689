package org.openvmi.shared.web;

import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
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

package org.openvmi.procurement;

import java.util.Arrays;
import java.util.Locale;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.shared.AllowedValues;
import org.openvmi.shared.FieldErrors;
import org.springframework.stereotype.Component;

/**
 * Who can be named as an approver (in a rule, or as the target of a delegation): a user that exists, or
 * {@code role:NAME} of a real role, written as the inbox matches it (role:BUYER). Anything else would leave
 * requisitions waiting for nobody.
 */
@Component
class Approvers {

    static final String ROLE_PREFIX = "role:";

    private final UserDirectory users;

    Approvers(UserDirectory users) {
        this.users = users;
    }

    /** The approver as stored (role names upper case); an unknown one is added to {@code errors} on {@code field}. */
    String check(String field, String approver, FieldErrors errors) {
        if (approver.regionMatches(true, 0, ROLE_PREFIX, 0, ROLE_PREFIX.length())) {
            String role = approver.substring(ROLE_PREFIX.length()).trim().toUpperCase(Locale.ROOT);
            if (Arrays.stream(Role.values()).noneMatch(r -> r.name().equals(role))) {
                errors.add(
                        field,
                        AllowedValues.message(
                                        approver,
                                        Arrays.stream(Role.values())
                                                .map(r -> ROLE_PREFIX + r.name())
                                                .toList())
                                + " (or a user name)");
            }
            return ROLE_PREFIX + role;
        }
        if (users.contact(approver).isEmpty()) {
            errors.add(field, "unknown user '" + approver + "' (a user name or role:NAME)");
        }
        return approver;
    }
}

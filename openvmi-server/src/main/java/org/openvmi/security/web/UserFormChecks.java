package org.openvmi.security.web;

import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.security.Role;
import org.openvmi.security.UserCommand;
import org.springframework.validation.BindingResult;

/**
 * The rules of the user form that {@code UserDirectory} enforces too, checked here first so that the form can say
 * them in the user's language. The service stays the authority: anything it still refuses is shown as it says it.
 */
final class UserFormChecks {

    private UserFormChecks() {}

    static void check(UserCommand user, boolean creating, SupplierCatalog suppliers, BindingResult binding) {
        if (creating && user.getPassword() == null && !binding.hasFieldErrors("password")) {
            binding.rejectValue("password", "users.error.passwordRequired");
        }
        boolean supplierRole = user.getRoles().contains(Role.SUPPLIER);
        if (supplierRole && user.getRoles().size() > 1) {
            binding.rejectValue("roles", "users.error.supplierOnly");
        }
        if (binding.hasFieldErrors("supplier")) {
            return;
        }
        if (supplierRole && user.getSupplier() == null) {
            binding.rejectValue("supplier", "users.error.supplierRequired");
        } else if (!supplierRole && user.getSupplier() != null) {
            binding.rejectValue("supplier", "users.error.supplierForbidden");
        } else if (supplierRole && suppliers.idOf(user.getSupplier()).isEmpty()) {
            binding.rejectValue("supplier", "users.error.supplierUnknown", new Object[] {user.getSupplier()}, null);
        }
    }
}

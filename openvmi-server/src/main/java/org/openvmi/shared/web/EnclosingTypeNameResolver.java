package org.openvmi.shared.web;

import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Names a nested type's schema after its enclosing types and its own simple name ({@code RequisitionRequest.Line}
 * becomes {@code RequisitionRequestLine}, {@code AuditApiController.Entry} {@code AuditEntry}), so the many records called {@code Line} or {@code Decision} keep one
 * schema each instead of collapsing into one that has only some of their fields.
 */
final class EnclosingTypeNameResolver extends TypeNameResolver {

    @Override
    protected String getNameOfClass(Class<?> type) {
        Class<?> enclosing = type.getEnclosingClass();
        if (enclosing == null || type.isArray()) {
            return super.getNameOfClass(type);
        }
        Schema named = enclosing.getAnnotation(Schema.class);
        String outer = named != null && !named.name().isEmpty() ? named.name() : getNameOfClass(enclosing);
        // a record declared inside its controller: AuditApiController.Entry is "AuditEntry"
        return outer.replaceFirst("ApiController$", "") + type.getSimpleName();
    }

    /** The schema name of a class that carries no {@code @Schema(name)}: what the API test checks for clashes. */
    String schemaName(Class<?> type) {
        return getNameOfClass(type);
    }
}

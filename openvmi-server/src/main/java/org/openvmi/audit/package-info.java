/**
 * Audit: the audit log every change writes to ({@code audit_log}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.openvmi.audit;

/**
 * Shared kernel: the party scope (who may see which rows), error types that map to problem+json, paging and
 * tabular file helpers. Every feature may use it; it depends on no feature.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.openvmi.shared;

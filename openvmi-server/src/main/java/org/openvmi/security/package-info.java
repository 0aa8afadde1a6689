/**
 * Users, roles, supplier binding, API keys, login throttling and the HTTP security rules of every endpoint.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "catalog", "shared"})
package org.openvmi.security;

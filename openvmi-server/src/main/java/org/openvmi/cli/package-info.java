/**
 * The {@code forecast} and {@code simulate} commands over the planning engine.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.openvmi.cli;

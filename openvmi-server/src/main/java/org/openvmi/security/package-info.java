/**
 * Users, roles, supplier binding, API keys, login throttling and the HTTP security rules of every endpoint.
 */
package org.openvmi.security;

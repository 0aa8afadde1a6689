package org.openvmi.security;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class ApiKeyOwnersOnPostgresIT extends ApiKeyOwnersContract {}

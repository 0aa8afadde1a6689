package org.openvmi.security;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class ApiKeyApiOnPostgresIT extends ApiKeyApiContract {}

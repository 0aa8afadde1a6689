package org.openvmi.security;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class UserApiOnPostgresIT extends UserApiContract {}

package org.openvmi.shared;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class RequestInputOnPostgresIT extends RequestInputContract {}

package org.openvmi.catalog;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class ImportApiOnPostgresIT extends ImportApiContract {}

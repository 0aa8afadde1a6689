package org.openvmi.catalog;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class ItemApiOnPostgresIT extends ItemApiContract {}

package org.openvmi.shared.tabular;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class OfficeFilesOnPostgresIT extends OfficeFilesContract {}

package org.openvmi.planning;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class GoLiveImportsOnPostgresIT extends GoLiveImportsContract {}

package org.openvmi.shared.cluster;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class JobLocksOnPostgresIT extends JobLocksContract {}

package org.openvmi.planning.internal;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class ReplanQueueOnPostgresIT extends ReplanQueueContract {}

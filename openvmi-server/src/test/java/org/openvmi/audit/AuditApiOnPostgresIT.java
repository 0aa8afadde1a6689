package org.openvmi.audit;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class AuditApiOnPostgresIT extends AuditApiContract {}

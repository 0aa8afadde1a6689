package org.openvmi.inbound;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class InboundDocumentsOnPostgresIT extends InboundDocumentsContract {}

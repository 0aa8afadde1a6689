package org.openvmi.supplier;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class SupplierInvitationOnPostgresIT extends SupplierInvitationContract {}

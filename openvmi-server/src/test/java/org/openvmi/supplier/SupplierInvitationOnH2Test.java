package org.openvmi.supplier;

import org.openvmi.testsupport.H2Test;

@H2Test
class SupplierInvitationOnH2Test extends SupplierInvitationContract {}

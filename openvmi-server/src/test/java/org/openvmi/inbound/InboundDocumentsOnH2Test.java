package org.openvmi.inbound;

import org.openvmi.testsupport.H2Test;

@H2Test
class InboundDocumentsOnH2Test extends InboundDocumentsContract {}

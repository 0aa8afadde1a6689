package org.openvmi.inventory;

import org.openvmi.testsupport.H2Test;

@H2Test
class LedgerApiOnH2Test extends LedgerApiContract {}

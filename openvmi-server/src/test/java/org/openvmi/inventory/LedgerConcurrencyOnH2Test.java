package org.openvmi.inventory;

import org.openvmi.testsupport.H2Test;

@H2Test
class LedgerConcurrencyOnH2Test extends LedgerConcurrencyContract {}

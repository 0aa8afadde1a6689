package org.openvmi.inventory;

import org.openvmi.testsupport.H2Test;

@H2Test
class LedgerBatchOnH2Test extends LedgerBatchContract {}

package org.openvmi.transferplan;

import org.openvmi.testsupport.H2Test;

@H2Test
class TransferPlanOnH2Test extends TransferPlanContract {}

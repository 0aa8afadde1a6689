package org.openvmi.notification;

import org.openvmi.testsupport.H2Test;

@H2Test
class RobotDeliveryOnH2Test extends RobotDeliveryContract {}

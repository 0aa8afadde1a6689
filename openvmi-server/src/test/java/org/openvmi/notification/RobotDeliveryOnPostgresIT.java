package org.openvmi.notification;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class RobotDeliveryOnPostgresIT extends RobotDeliveryContract {}

package org.openvmi.stockpolicy;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class AlertOnPostgresIT extends AlertContract {}

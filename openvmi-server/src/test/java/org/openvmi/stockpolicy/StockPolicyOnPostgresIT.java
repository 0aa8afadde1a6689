package org.openvmi.stockpolicy;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class StockPolicyOnPostgresIT extends StockPolicyContract {}

package org.openvmi.transferplan;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class TransferPlanOnPostgresIT extends TransferPlanContract {}

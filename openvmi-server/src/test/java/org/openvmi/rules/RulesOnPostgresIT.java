package org.openvmi.rules;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class RulesOnPostgresIT extends RulesContract {}

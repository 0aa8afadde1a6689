package org.openvmi.rules;

import org.openvmi.testsupport.H2Test;

@H2Test
class RulesOnH2Test extends RulesContract {}

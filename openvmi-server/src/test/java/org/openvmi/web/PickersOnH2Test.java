package org.openvmi.web;

import org.openvmi.testsupport.H2Test;

@H2Test
class PickersOnH2Test extends PickerContract {}

package org.openvmi.inventory;

import org.openvmi.testsupport.H2Test;

@H2Test
class HotKeyCoalescingOnH2Test extends HotKeyCoalescingContract {}

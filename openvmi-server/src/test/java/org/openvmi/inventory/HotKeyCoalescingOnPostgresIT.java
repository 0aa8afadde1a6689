package org.openvmi.inventory;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class HotKeyCoalescingOnPostgresIT extends HotKeyCoalescingContract {}

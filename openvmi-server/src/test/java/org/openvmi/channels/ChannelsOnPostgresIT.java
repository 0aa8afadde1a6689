package org.openvmi.channels;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class ChannelsOnPostgresIT extends ChannelsContract {}

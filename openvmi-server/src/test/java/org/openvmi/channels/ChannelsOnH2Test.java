package org.openvmi.channels;

import org.openvmi.testsupport.H2Test;

@H2Test
class ChannelsOnH2Test extends ChannelsContract {}

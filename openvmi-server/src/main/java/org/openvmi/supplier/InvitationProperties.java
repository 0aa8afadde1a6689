package org.openvmi.supplier;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param validFor how long an invitation link can be used to set the password */
@ConfigurationProperties("openvmi.supplier-invitations")
public record InvitationProperties(@DefaultValue("72h") Duration validFor) {}

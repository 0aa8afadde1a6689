package org.openvmi.notification;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.openvmi.stockpolicy.AlertType;

/**
 * Create or change a group robot (ADR 0076). {@code kind} WECOM or DINGTALK; {@code address} the robot's webhook
 * address with its key / access_token; {@code secret} DingTalk's signing secret (write-only: absent or blank keeps
 * the stored one on a change; WeCom robots do not sign); {@code removeSecret} true removes the stored secret (with a
 * secret given as well it is refused: one or the other); {@code warehouse} / {@code supplier} codes narrow the scope (null = all; a
 * supplier user's robot is always its own supplier's); {@code alertTypes} empty = all; {@code language} zh-CN or en.
 */
public record GroupRobotCommand(
        @Size(max = 100) String name,
        NotificationChannel kind,
        @Size(max = 500) String address,
        @Size(max = 200) String secret,
        @Size(max = 64) String warehouse,
        @Size(max = 64) String supplier,
        Boolean alerts,
        List<AlertType> alertTypes,
        Boolean approvals,
        Boolean toShip,
        String language,
        Boolean enabled,
        Boolean removeSecret) {}

package org.openvmi.notification.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openvmi.notification.NotificationChannel;
import org.openvmi.stockpolicy.AlertType;

/** Which notices a group robot hears (ADR 0076): its scope, its choice of notices, and a supplier's limits. */
class GroupRobotTest {

    static GroupRobot robot(String warehouse, Long supplier, Set<AlertType> types, boolean enabled) {
        return new GroupRobot(
                1,
                "r",
                NotificationChannel.WECOM,
                "https://x?key=k",
                null,
                warehouse,
                supplier,
                true,
                types,
                true,
                true,
                "zh-CN",
                enabled);
    }

    static AlertNotice alert(AlertType type, String warehouse, Set<Long> suppliers) {
        return new AlertNotice(
                7,
                false,
                type,
                "I",
                "item",
                "PCS",
                warehouse,
                BigDecimal.ONE,
                BigDecimal.TEN,
                Instant.EPOCH,
                null,
                suppliers);
    }

    @Test
    void an_alert_is_heard_within_the_robots_warehouse_supplier_and_types() {
        GroupRobot wh = robot("W1", null, Set.of(AlertType.STOCKOUT), true);
        assertThat(wh.hears(alert(AlertType.STOCKOUT, "W1", Set.of()))).isTrue();
        assertThat(wh.hears(alert(AlertType.STOCKOUT, "W2", Set.of())))
                .as("other warehouse")
                .isFalse();
        assertThat(wh.hears(alert(AlertType.ABOVE_MAX, "W1", Set.of())))
                .as("other type")
                .isFalse();
        assertThat(wh.hears(alert(AlertType.STOCKOUT, null, Set.of())))
                .as("an alert about no warehouse passes a warehouse scope")
                .isTrue();
        GroupRobot sup = robot(null, 5L, Set.of(), true);
        assertThat(sup.hears(alert(AlertType.BELOW_SAFETY, "W1", Set.of(5L, 6L))))
                .isTrue();
        assertThat(sup.hears(alert(AlertType.BELOW_SAFETY, "W1", Set.of(6L))))
                .as("another supplier's item")
                .isFalse();
        assertThat(robot(null, null, Set.of(), false).hears(alert(AlertType.STOCKOUT, "W1", Set.of())))
                .as("disabled")
                .isFalse();
    }

    @Test
    void approvals_are_for_the_buyers_robots_and_to_ship_notices_for_the_suppliers_own() {
        assertThat(robot("W1", null, Set.of(), true).hearsApproval("W1")).isTrue();
        assertThat(robot("W1", null, Set.of(), true).hearsApproval("W2")).isFalse();
        assertThat(robot(null, 5L, Set.of(), true).hearsApproval("W1"))
                .as("a supplier's robot never hears of approvals")
                .isFalse();
        assertThat(robot(null, 5L, Set.of(), true).hearsToShip(5, "W1")).isTrue();
        assertThat(robot(null, 5L, Set.of(), true).hearsToShip(6, "W1"))
                .as("another supplier's PO")
                .isFalse();
        assertThat(robot("W1", null, Set.of(), true).hearsToShip(6, null))
                .as("a PO sent names no warehouse: a warehouse's robot hears it")
                .isTrue();
        assertThat(robot(null, null, Set.of(), false).hearsToShip(6, "W1")).isFalse();
    }
}

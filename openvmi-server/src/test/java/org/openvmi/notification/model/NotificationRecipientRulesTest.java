package org.openvmi.notification.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openvmi.notification.EmailMode;
import org.openvmi.security.Role;
import org.openvmi.security.UserContact;
import org.openvmi.stockpolicy.AlertType;

class NotificationRecipientRulesTest {

    private static final AlertNotice BELOW_SAFETY_AT_SH = new AlertNotice(
            1,
            false,
            AlertType.BELOW_SAFETY,
            "BRG-6204",
            "轴承",
            "PCS",
            "WH-SH",
            new BigDecimal("12"),
            new BigDecimal("20"),
            Instant.EPOCH,
            null,
            Set.of(7L));
    private static final AlertNotice LOW_WATER = new AlertNotice(
            2,
            false,
            AlertType.SUPPLIER_LOW_WATER,
            "BRG-6204",
            "轴承",
            "PCS",
            null,
            new BigDecimal("5"),
            new BigDecimal("10"),
            Instant.EPOCH,
            null,
            Set.of(7L));

    private static UserContact user(Role role, Long supplierId) {
        return new UserContact("u", "u", "u@example.com", "en", EnumSet.of(role), supplierId);
    }

    @Test
    void operational_roles_get_alerts_immediately_by_default_viewer_and_finance_only_when_they_opt_in() {
        for (Role r : EnumSet.of(Role.ADMIN, Role.BUYER, Role.PLANNER, Role.WAREHOUSE)) {
            assertThat(RecipientRules.modeFor(user(r, null), null, BELOW_SAFETY_AT_SH))
                    .as(r.name())
                    .isEqualTo(EmailMode.IMMEDIATE);
        }
        for (Role r : EnumSet.of(Role.VIEWER, Role.FINANCE)) {
            assertThat(RecipientRules.modeFor(user(r, null), null, BELOW_SAFETY_AT_SH))
                    .as(r.name())
                    .isEqualTo(EmailMode.OFF);
            assertThat(RecipientRules.modeFor(
                            user(r, null), new Preference(EmailMode.DIGEST, Set.of(), Set.of()), BELOW_SAFETY_AT_SH))
                    .isEqualTo(EmailMode.DIGEST);
        }
    }

    @Test
    void a_supplier_user_hears_only_of_alerts_about_its_own_supplier() {
        assertThat(RecipientRules.modeFor(user(Role.SUPPLIER, 7L), null, BELOW_SAFETY_AT_SH))
                .isEqualTo(EmailMode.IMMEDIATE);
        assertThat(RecipientRules.modeFor(user(Role.SUPPLIER, 8L), null, BELOW_SAFETY_AT_SH))
                .isEqualTo(EmailMode.OFF);
        assertThat(RecipientRules.modeFor(user(Role.SUPPLIER, null), null, BELOW_SAFETY_AT_SH))
                .isEqualTo(EmailMode.OFF);
        assertThat(RecipientRules.modeFor(
                        user(Role.SUPPLIER, 8L),
                        new Preference(EmailMode.IMMEDIATE, Set.of(), Set.of()),
                        BELOW_SAFETY_AT_SH))
                .isEqualTo(EmailMode.OFF);
    }

    @Test
    void warehouses_and_types_of_interest_filter_and_an_alert_without_a_warehouse_passes_a_warehouse_filter() {
        Preference onlyBj = new Preference(EmailMode.IMMEDIATE, Set.of("WH-BJ"), Set.of());
        Preference onlySh = new Preference(EmailMode.IMMEDIATE, Set.of("WH-SH"), Set.of());
        Preference onlyStockouts = new Preference(EmailMode.DIGEST, Set.of(), Set.of(AlertType.STOCKOUT));
        assertThat(RecipientRules.modeFor(user(Role.BUYER, null), onlyBj, BELOW_SAFETY_AT_SH))
                .isEqualTo(EmailMode.OFF);
        assertThat(RecipientRules.modeFor(user(Role.BUYER, null), onlySh, BELOW_SAFETY_AT_SH))
                .isEqualTo(EmailMode.IMMEDIATE);
        assertThat(RecipientRules.modeFor(user(Role.BUYER, null), onlyBj, LOW_WATER))
                .isEqualTo(EmailMode.IMMEDIATE);
        assertThat(RecipientRules.modeFor(user(Role.BUYER, null), onlyStockouts, BELOW_SAFETY_AT_SH))
                .isEqualTo(EmailMode.OFF);
    }

    @Test
    void no_address_no_mail() {
        UserContact noMail = new UserContact("u", "u", null, "en", EnumSet.of(Role.ADMIN), null);
        assertThat(RecipientRules.modeFor(noMail, null, BELOW_SAFETY_AT_SH)).isEqualTo(EmailMode.OFF);
    }
}

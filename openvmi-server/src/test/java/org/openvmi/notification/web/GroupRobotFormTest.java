package org.openvmi.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvmi.notification.GroupRobotCommand;
import org.openvmi.notification.GroupRobotView;
import org.openvmi.notification.NotificationChannel;
import org.openvmi.stockpolicy.AlertType;

/** The robot page's form maps to the API's command in one place: every field the page posts reaches it. */
class GroupRobotFormTest {

    @Test
    void everyFieldOfTheFormReachesTheCommand() {
        GroupRobotPageController.Form f = new GroupRobotPageController.Form();
        f.setName("Ops");
        f.setKind(NotificationChannel.DINGTALK);
        f.setAddress("https://oapi.dingtalk.com/robot/send?access_token=t");
        f.setSecret("SEC1");
        f.setWarehouse("WH1");
        f.setSupplier("S1");
        f.setAlerts(false);
        f.setAlertTypes(List.of(AlertType.values()[0]));
        f.setApprovals(true);
        f.setToShip(true);
        f.setLanguage("en");
        f.setEnabled(false);
        f.setRemoveSecret(true);

        assertThat(f.toCommand())
                .isEqualTo(new GroupRobotCommand(
                        "Ops",
                        NotificationChannel.DINGTALK,
                        "https://oapi.dingtalk.com/robot/send?access_token=t",
                        "SEC1",
                        "WH1",
                        "S1",
                        false,
                        List.of(AlertType.values()[0]),
                        true,
                        true,
                        "en",
                        false,
                        true));
    }

    @Test
    void theEditFormOfAListedRobotKeepsItsSecretAndSendsItsMaskedAddress() {
        GroupRobotView listed = new GroupRobotView(
                7,
                "Ops",
                NotificationChannel.WECOM,
                "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***",
                false,
                null,
                "S1",
                true,
                List.of(),
                false,
                true,
                "zh-CN",
                true,
                "SENT",
                null,
                null,
                Instant.EPOCH);

        GroupRobotCommand c = GroupRobotPageController.Form.of(listed).toCommand();

        assertThat(c.address()).isEqualTo(listed.address());
        assertThat(c.secret()).isNull();
        assertThat(c.removeSecret()).isFalse();
        assertThat(c.supplier()).isEqualTo("S1");
        assertThat(c.toShip()).isTrue();
        assertThat(c.language()).isEqualTo("zh-CN");
    }
}

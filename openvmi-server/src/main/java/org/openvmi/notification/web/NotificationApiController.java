package org.openvmi.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.openvmi.notification.MailLog;
import org.openvmi.notification.MailView;
import org.openvmi.notification.NotificationPreferences;
import org.openvmi.notification.PreferencesCommand;
import org.openvmi.notification.PreferencesView;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Notifications", description = "Own notification preferences; the mail log (ADMIN)")
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationApiController {

    private final NotificationPreferences preferences;
    private final MailLog mails;

    NotificationApiController(NotificationPreferences preferences, MailLog mails) {
        this.preferences = preferences;
        this.mails = mails;
    }

    @Operation(
            operationId = "getNotificationPreferences",
            summary = "The caller's notification preferences",
            description = "explicit=false: none saved yet, "
                    + "the defaults of the caller's roles apply (IMMEDIATE for ADMIN, BUYER, PLANNER, WAREHOUSE and supplier "
                    + "users, OFF for VIEWER and FINANCE)")
    @GetMapping("/preferences")
    PreferencesView mine() {
        return preferences.mine();
    }

    @Operation(
            operationId = "saveNotificationPreferences",
            summary = "Save the caller's notification preferences",
            description = "{\"emailMode\":\"IMMEDIATE|DIGEST|OFF\",\"warehouses\":[codes, empty = all],"
                    + "\"alertTypes\":[types, empty = all],\"channel\":\"EMAIL|WECOM|DINGTALK (left out: the stored one)\","
                    + "\"robotUrl\":\"the group robot's webhook address\",\"robotSecret\":\"DingTalk's signing secret "
                    + "(blank keeps the stored one)\"}")
    @PutMapping("/preferences")
    PreferencesView save(@Valid @RequestBody PreferencesCommand command) {
        return preferences.saveMine(command);
    }

    @Operation(operationId = "listMails", summary = "Mails queued, sent and failed, newest first (ADMIN)")
    @GetMapping("/mails")
    PageResult<MailView> mails(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return mails.find(status, PageRequest.of(page, size));
    }
}

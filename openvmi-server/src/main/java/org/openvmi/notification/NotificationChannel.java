package org.openvmi.notification;

/**
 * Where a user's notifications go: e-mail, or a group robot of WeCom (企业微信) or DingTalk (钉钉) that posts them into
 * a group chat (ADR 0063).
 */
public enum NotificationChannel {
    EMAIL,
    WECOM,
    DINGTALK;

    public boolean robot() {
        return this != EMAIL;
    }
}

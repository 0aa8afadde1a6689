package org.openvmi.notification;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.FieldErrors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Group robots (WeCom, DingTalk). A robot's address is typed by users, so the server posts only to the robots' own
 * hosts: {@code allowedHosts} (the documented ones by default; a test adds its local receiver).
 *
 * @param allowedHosts the hosts a robot address may name
 * @param timeout      connect and read timeout of one post
 */
@ConfigurationProperties("openvmi.notifications.robots")
public record RobotProperties(
        @DefaultValue({"qyapi.weixin.qq.com", "oapi.dingtalk.com"})
        List<String> allowedHosts,

        @DefaultValue("10s") Duration timeout) {

    /** Adds the refusals of a robot address to {@code errors} under {@code robotUrl}. */
    void check(NotificationChannel channel, String url, FieldErrors errors) {
        check(channel, url, errors, "robotUrl");
    }

    /** Adds the refusals of a robot address to {@code errors} under {@code field}. */
    void check(NotificationChannel channel, String url, FieldErrors errors, String field) {
        if (url == null) {
            errors.add(field, CodedRefusal.required());
            return;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            errors.add(field, "is not a web address");
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            errors.add(field, "must be an https address");
        } else if (!allowedHosts.contains(host)) {
            errors.add(field, "must be a robot address of " + String.join(" or ", allowedHosts));
        } else if (uri.getRawQuery() == null
                || !uri.getRawQuery().contains(channel == NotificationChannel.WECOM ? "key=" : "access_token=")) {
            errors.add(
                    field, "must carry the robot's " + (channel == NotificationChannel.WECOM ? "key" : "access_token"));
        }
    }
}

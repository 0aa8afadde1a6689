package org.openvmi.notification.model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openvmi.notification.NotificationChannel;

/**
 * The group robots' documented webhook formats (ADR 0063), as plain data for the sender to write as JSON:
 * <ul>
 *   <li>WeCom (企业微信): POST {@code {"msgtype":"markdown","markdown":{"content":…}}} to
 *       {@code https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…}; the content at most 4096 bytes of UTF-8;</li>
 *   <li>DingTalk (钉钉): POST {@code {"msgtype":"markdown","markdown":{"title":…,"text":…}}} to
 *       {@code https://oapi.dingtalk.com/robot/send?access_token=…}; a robot with signing wants
 *       {@code &timestamp=<ms>&sign=<url-encoded Base64 of HmacSHA256(secret, timestamp + "\n" + secret)>}.</li>
 * </ul>
 * Both answer {@code {"errcode":0,"errmsg":"ok"}}; any other errcode is a failure to retry.
 */
public final class RobotMessages {

    /** WeCom's limit on a markdown message's content, in bytes of UTF-8. */
    public static final int WECOM_MAX_BYTES = 4096;

    /** DingTalk's messages are kept under the same size (its documented limit is 20,000 bytes per message). */
    public static final int DINGTALK_MAX_BYTES = 4096;

    private RobotMessages() {}

    /** The JSON body (as nested maps) of a notification with its subject and plain-text body. */
    public static Map<String, Object> payload(NotificationChannel channel, String subject, String body) {
        Map<String, Object> markdown = new LinkedHashMap<>();
        switch (channel) {
            case WECOM -> markdown.put("content", truncate("**" + subject + "**\n" + text(body), WECOM_MAX_BYTES));
            case DINGTALK -> {
                markdown.put("title", subject);
                // DingTalk's markdown breaks a line only at an empty line
                markdown.put(
                        "text",
                        truncate("#### " + subject + "\n\n" + text(body).replace("\n", "\n\n"), DINGTALK_MAX_BYTES));
            }
            case EMAIL -> throw new IllegalArgumentException("e-mail is not a robot channel");
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("msgtype", "markdown");
        message.put("markdown", markdown);
        return message;
    }

    /** The address to post to: DingTalk's with {@code timestamp} and {@code sign} when the robot has a secret. */
    public static String address(NotificationChannel channel, String robotUrl, String secret, long timestampMillis) {
        if (channel != NotificationChannel.DINGTALK || secret == null || secret.isBlank()) {
            return robotUrl;
        }
        return robotUrl + (robotUrl.contains("?") ? "&" : "?") + "timestamp=" + timestampMillis + "&sign="
                + dingTalkSign(secret, timestampMillis);
    }

    /** DingTalk's signature: HmacSHA256 over {@code timestamp + "\n" + secret} keyed by the secret, Base64, URL-encoded. */
    public static String dingTalkSign(String secret, long timestampMillis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(Base64.getEncoder().encodeToString(signature), StandardCharsets.UTF_8);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The robot's address without its query (which holds the key or token): what logs and the mail log may show. */
    public static String masked(String robotUrl) {
        int query = robotUrl.indexOf('?');
        return query < 0 ? robotUrl : robotUrl.substring(0, query) + "?…";
    }

    /** The mail's plain text as the message's markdown, line breaks kept (neither robot knows an escape). */
    private static String text(String body) {
        return body == null ? "" : body.strip();
    }

    private static String truncate(String s, int maxBytes) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return s;
        }
        // cut on a character boundary and leave room for the ellipsis (3 bytes in UTF-8)
        int end = s.length();
        while (end > 0 && s.substring(0, end).getBytes(StandardCharsets.UTF_8).length > maxBytes - 3) {
            end = end - Math.max(1, (s.substring(0, end).getBytes(StandardCharsets.UTF_8).length - maxBytes) / 3);
        }
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }
}

package org.openvmi.notification.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvmi.notification.NotificationChannel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The robots' message formats against the examples of their documentation (WeCom "群机器人配置说明", DingTalk
 * "自定义机器人发送群消息"), and DingTalk's signature against a vector computed independently (Python's hmac and
 * {@code openssl dgst -sha256 -hmac … | base64}).
 */
class RobotMessagesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** WeCom's documented markdown example. */
    static final String WECOM_EXAMPLE = """
            {"msgtype": "markdown",
             "markdown": {"content": "实时新增用户反馈<font color=\\"warning\\">132例</font>，请相关同事注意。\\n>类型:<font color=\\"comment\\">用户反馈</font>"}}""";

    /** DingTalk's documented markdown example (without its optional "at"). */
    static final String DINGTALK_EXAMPLE = """
            {"msgtype": "markdown",
             "markdown": {"title": "杭州天气",
                          "text": "#### 杭州天气 @150XXXXXXXX \\n > 9度，西北风1级，空气良89，相对温度73%\\n > ###### 10点20分发布 [天气](https://www.dingtalk.com) \\n"}}""";

    static final String SECRET = "SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd";
    static final long TIMESTAMP = 1_577_836_800_000L;
    /** Base64 SfLMV6oFbqUjysAl/eBtWoSxPtjkv5HEYjEgEHSmaAU= URL-encoded. */
    static final String SIGN = "SfLMV6oFbqUjysAl%2FeBtWoSxPtjkv5HEYjEgEHSmaAU%3D";

    static JsonNode json(Map<String, Object> payload) {
        return JSON.readTree(JSON.writeValueAsString(payload));
    }

    /** Every field path of a JSON document with the type of its value: the shape the robot parses. */
    static List<String> shape(JsonNode node, String at) {
        List<String> paths = new ArrayList<>();
        for (var e : node.properties()) {
            JsonNode v = e.getValue();
            if (v.isObject()) {
                paths.addAll(shape(v, at + e.getKey() + "."));
            } else {
                paths.add(at + e.getKey() + ":" + v.getNodeType());
            }
        }
        return paths;
    }

    @Test
    void a_wecom_message_has_the_shape_of_the_documented_markdown_example() {
        JsonNode ours = json(RobotMessages.payload(NotificationChannel.WECOM, "低于安全库存: A @ WH", "物料: A\n仓库: WH"));
        assertThat(shape(ours, "")).containsExactlyElementsOf(shape(JSON.readTree(WECOM_EXAMPLE), ""));
        assertThat(ours.path("msgtype").asString()).isEqualTo("markdown");
        assertThat(ours.path("markdown").path("content").asString()).isEqualTo("**低于安全库存: A @ WH**\n物料: A\n仓库: WH");
    }

    @Test
    void a_dingtalk_message_has_the_shape_of_the_documented_markdown_example_with_its_title() {
        JsonNode ours =
                json(RobotMessages.payload(NotificationChannel.DINGTALK, "Below safety stock: A", "Item: A\nWH: B"));
        assertThat(shape(ours, "")).containsExactlyElementsOf(shape(JSON.readTree(DINGTALK_EXAMPLE), ""));
        assertThat(ours.path("markdown").path("title").asString()).isEqualTo("Below safety stock: A");
        // DingTalk breaks a line at an empty line only
        assertThat(ours.path("markdown").path("text").asString())
                .isEqualTo("#### Below safety stock: A\n\nItem: A\n\nWH: B");
    }

    @Test
    void the_dingtalk_signature_matches_an_independently_computed_vector() {
        assertThat(RobotMessages.dingTalkSign(SECRET, TIMESTAMP)).isEqualTo(SIGN);
        assertThat(RobotMessages.address(
                        NotificationChannel.DINGTALK,
                        "https://oapi.dingtalk.com/robot/send?access_token=abc",
                        SECRET,
                        TIMESTAMP))
                .isEqualTo(
                        "https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1577836800000&sign=" + SIGN);
    }

    @Test
    void unsigned_robots_and_wecom_are_posted_to_their_address_as_it_is() {
        String wecom = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k";
        assertThat(RobotMessages.address(NotificationChannel.WECOM, wecom, SECRET, TIMESTAMP))
                .isEqualTo(wecom);
        String ding = "https://oapi.dingtalk.com/robot/send?access_token=t";
        assertThat(RobotMessages.address(NotificationChannel.DINGTALK, ding, null, TIMESTAMP))
                .isEqualTo(ding);
    }

    @Test
    void a_long_message_is_cut_to_the_robots_limit_on_a_character_boundary() {
        String body = "库存".repeat(3000);
        String content = json(RobotMessages.payload(NotificationChannel.WECOM, "S", body))
                .path("markdown")
                .path("content")
                .asString();
        assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(RobotMessages.WECOM_MAX_BYTES);
        assertThat(content).endsWith("…").doesNotContain("\uFFFD");
    }

    @Test
    void the_masked_address_hides_the_key() {
        assertThat(RobotMessages.masked("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-key"))
                .isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?…");
    }
}

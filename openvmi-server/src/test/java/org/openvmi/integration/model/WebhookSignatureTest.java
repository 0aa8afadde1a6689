package org.openvmi.integration.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void the_signature_is_hex_hmac_sha256_over_timestamp_dot_body() {
        // reference value: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'secret'
        assertThat(WebhookSignature.sign("secret", "1700000000", "{\"a\":1}")).isEqualTo("sha256=" + OPENSSL_REFERENCE);
        assertThat(WebhookSignature.verify("secret", "1700000000", "{\"a\":1}", "sha256=" + OPENSSL_REFERENCE))
                .isTrue();
        assertThat(WebhookSignature.verify("secret", "1700000001", "{\"a\":1}", "sha256=" + OPENSSL_REFERENCE))
                .isFalse();
        assertThat(WebhookSignature.verify("other", "1700000000", "{\"a\":1}", "sha256=" + OPENSSL_REFERENCE))
                .isFalse();
        assertThat(WebhookSignature.verify("secret", "1700000000", "{\"a\":1}", null))
                .isFalse();
    }

    @Test
    void backoff_doubles_from_its_base_and_gives_up_after_the_maximum_attempts() {
        Backoff b = new Backoff(Duration.ofSeconds(1), 6);
        assertThat(b.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.after(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(b.after(60)).isEqualTo(Duration.ofDays(1));
        assertThat(b.exhausted(5)).isFalse();
        assertThat(b.exhausted(6)).isTrue();
    }

    private static final String OPENSSL_REFERENCE = "49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686";
}

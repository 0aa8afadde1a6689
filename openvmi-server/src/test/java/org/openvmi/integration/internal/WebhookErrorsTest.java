package org.openvmi.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** What a failed webhook POST threw, by its category (ADR 0084): pages say it in their language. */
class WebhookErrorsTest {

    @Test
    void exceptions_map_to_their_category_looking_through_their_causes() {
        assertThat(WebhookErrors.category(new HttpConnectTimeoutException("HTTP connect timed out")))
                .isEqualTo(WebhookErrors.TIMEOUT);
        assertThat(WebhookErrors.category(new HttpTimeoutException("request timed out")))
                .isEqualTo(WebhookErrors.TIMEOUT);
        assertThat(WebhookErrors.category(new ConnectException())).isEqualTo(WebhookErrors.REFUSED);
        // the JDK client reports an unknown host as a connect failure caused by the unresolved address
        ConnectException unresolved = new ConnectException();
        unresolved.initCause(new UnresolvedAddressException());
        assertThat(WebhookErrors.category(unresolved)).isEqualTo(WebhookErrors.UNKNOWN_HOST);
        assertThat(WebhookErrors.category(new IOException("wrapped", new SSLHandshakeException("PKIX path"))))
                .isEqualTo(WebhookErrors.TLS);
        assertThat(WebhookErrors.category(new IOException("connection reset"))).isEqualTo(WebhookErrors.NETWORK);
        assertThat(WebhookErrors.category(new IllegalArgumentException("unsupported URI")))
                .isEqualTo(WebhookErrors.BAD_URL);
        assertThat(WebhookErrors.category(new IllegalStateException("odd"))).isEqualTo(WebhookErrors.OTHER);
        assertThat(WebhookErrors.detail(new IOException("connection reset")))
                .isEqualTo("IOException: connection reset");
        assertThat(WebhookErrors.detail(new ConnectException())).isEqualTo("ConnectException");
    }

    @Test
    void a_post_to_a_port_nobody_listens_on_is_refused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Throwable thrown = catchThrowable(() -> http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hook"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.discarding()));
        assertThat(thrown).isNotNull();
        assertThat(WebhookErrors.category(thrown)).isEqualTo(WebhookErrors.REFUSED);
    }
}

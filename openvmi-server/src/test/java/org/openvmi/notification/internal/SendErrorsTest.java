package org.openvmi.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;

/** Why a mail failed, as the code the mail log shows in its language (ADR 0084). */
class SendErrorsTest {

    @Test
    void a_mails_failure_is_the_login_the_mail_the_network_or_else_the_servers_refusal() {
        assertThat(SendErrors.mail(new MailAuthenticationException("Authentication failed")))
                .isEqualTo("mailAuth");
        assertThat(SendErrors.mail(new MailParseException("Illegal address"))).isEqualTo("mailPrepare");
        assertThat(SendErrors.mail(new MailSendException("Mail server connection failed", new ConnectException())))
                .isEqualTo("refused");
        assertThat(SendErrors.mail(new MailSendException("Mail server connection failed", new UnknownHostException())))
                .isEqualTo("unknownHost");
        assertThat(SendErrors.mail(new MailSendException("550 mailbox unavailable")))
                .isEqualTo("mailSend");
    }
}

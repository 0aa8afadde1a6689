package org.openvmi.notification.internal;

import org.openvmi.shared.NetworkErrors;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;

/**
 * Why a mail or a group robot message failed, as a code stored besides its English text ({@code
 * notification_mail.last_error_code}, ADR 0084), so the mail log and the robots page say it in their language
 * ({@code notification.errorCode.*}); the English stays the detail. The network categories are {@link
 * NetworkErrors}'.
 */
final class SendErrors {

    /** The robot answered a status other than 200. */
    static final String HTTP_STATUS = "httpStatus";
    /** The robot answered 200 with an errcode other than 0 (a wrong key, a keyword or IP the robot refuses). */
    static final String ROBOT_REFUSED = "robotRefused";
    /** The robot's answer was not the JSON it answers. */
    static final String UNREADABLE_ANSWER = "unreadableAnswer";
    /** The group robot was deleted, or changed to the other kind, before its message went out. */
    static final String ROBOT_GONE = "robotGone";
    /** The user chose another channel before the message went out. */
    static final String ROBOT_NOT_CHOSEN = "robotNotChosen";
    /** The mail server refused the login. */
    static final String MAIL_AUTH = "mailAuth";
    /** The mail could not be written (an address it cannot parse). */
    static final String MAIL_PREPARE = "mailPrepare";
    /** The mail server did not take the mail. */
    static final String MAIL_SEND = "mailSend";

    private SendErrors() {}

    /** A mail's failure: the login, the mail itself, the network on the way, else the server's refusal. */
    static String mail(RuntimeException e) {
        if (e instanceof MailAuthenticationException) {
            return MAIL_AUTH;
        }
        if (e instanceof MailParseException || e instanceof MailPreparationException) {
            return MAIL_PREPARE;
        }
        String network = NetworkErrors.category(e);
        return switch (network) {
            case NetworkErrors.UNKNOWN_HOST, NetworkErrors.TIMEOUT, NetworkErrors.TLS, NetworkErrors.REFUSED -> network;
            default -> MAIL_SEND;
        };
    }
}

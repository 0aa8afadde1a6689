package org.openvmi.integration.internal;

import org.openvmi.shared.NetworkErrors;

/**
 * The category of a failed webhook attempt, stored besides its English text so pages say it in their language
 * ({@code webhooks.errorCode.*}) and the API answers it as {@code errorCode} (ADR 0084). The English text (the
 * status, or the exception's class and message) stays the detail.
 */
public final class WebhookErrors {

    /** The receiver answered a status other than 2xx (the attempt's {@code statusCode}). */
    public static final String HTTP_STATUS = "httpStatus";

    public static final String TIMEOUT = NetworkErrors.TIMEOUT;
    public static final String REFUSED = NetworkErrors.REFUSED;
    public static final String UNKNOWN_HOST = NetworkErrors.UNKNOWN_HOST;
    public static final String TLS = NetworkErrors.TLS;
    public static final String NETWORK = NetworkErrors.NETWORK;
    public static final String BAD_URL = NetworkErrors.BAD_URL;
    public static final String INTERRUPTED = NetworkErrors.INTERRUPTED;
    public static final String OTHER = NetworkErrors.OTHER;

    private WebhookErrors() {}

    /** The category of what a POST threw, looking through its causes ({@link NetworkErrors}, shared with robots). */
    public static String category(Throwable thrown) {
        return NetworkErrors.category(thrown);
    }

    /** The English detail stored as the attempt's {@code error}: the exception's class and message. */
    public static String detail(Throwable thrown) {
        return NetworkErrors.detail(thrown);
    }
}

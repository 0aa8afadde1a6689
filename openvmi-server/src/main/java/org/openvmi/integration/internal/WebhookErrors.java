package org.openvmi.integration.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;

/**
 * The category of a failed webhook attempt, stored besides its English text so pages say it in their language
 * ({@code webhooks.errorCode.*}) and the API answers it as {@code errorCode} (ADR 0084). The English text (the
 * status, or the exception's class and message) stays the detail.
 */
public final class WebhookErrors {

    /** The receiver answered a status other than 2xx (the attempt's {@code statusCode}). */
    public static final String HTTP_STATUS = "httpStatus";
    /** No answer within the request or connect timeout. */
    public static final String TIMEOUT = "timeout";
    /** The receiver's host did not accept the connection (nothing listens on the port, or it is unreachable). */
    public static final String REFUSED = "refused";
    /** The host name does not resolve. */
    public static final String UNKNOWN_HOST = "unknownHost";
    /** The TLS handshake failed (certificate, protocol). */
    public static final String TLS = "tls";
    /** Another network error (the connection was reset or closed mid-answer). */
    public static final String NETWORK = "network";
    /** The URL cannot be requested. */
    public static final String BAD_URL = "badUrl";
    /** The application stopped while the attempt was under way. */
    public static final String INTERRUPTED = "interrupted";
    /** Anything else; the detail names it. */
    public static final String OTHER = "other";

    /** The categories by precedence: a connect failure caused by an unresolved name is {@code unknownHost}. */
    private static final List<Category> ORDER = List.of(
            new Category(
                    UNKNOWN_HOST, e -> e instanceof UnknownHostException || e instanceof UnresolvedAddressException),
            new Category(TIMEOUT, e -> e instanceof HttpTimeoutException || e instanceof SocketTimeoutException),
            new Category(TLS, e -> e instanceof SSLException),
            new Category(REFUSED, e -> e instanceof ConnectException),
            new Category(NETWORK, e -> e instanceof IOException),
            new Category(BAD_URL, e -> e instanceof IllegalArgumentException));

    private record Category(String code, Predicate<Throwable> matches) {}

    private WebhookErrors() {}

    /** The category of what a POST threw, looking through its causes. */
    public static String category(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && chain.size() < 10 && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        for (Category c : ORDER) {
            if (chain.stream().anyMatch(c.matches())) {
                return c.code();
            }
        }
        return OTHER;
    }

    /** The English detail stored as the attempt's {@code error}: the exception's class and message. */
    public static String detail(Throwable thrown) {
        return thrown.getClass().getSimpleName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
    }
}

package org.openvmi.shared;

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
 * The category of a failed network call, from the exception and its causes (ADR 0084), stored as a code besides the
 * English detail so pages say it in their language: webhook attempts ({@code webhooks.errorCode.*}) and group robot
 * messages and mails ({@code notification.errorCode.*}) share it. Categories are what a person can act on: fix the
 * URL, the certificate, the receiver.
 */
public final class NetworkErrors {

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
    /** The application stopped while the call was under way. */
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

    private NetworkErrors() {}

    /** The category of what a call threw, looking through its causes. */
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

    /** The English detail stored besides the code: the exception's class and message. */
    public static String detail(Throwable thrown) {
        return thrown.getClass().getSimpleName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
    }
}

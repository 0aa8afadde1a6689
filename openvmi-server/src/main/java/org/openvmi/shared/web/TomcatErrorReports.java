package org.openvmi.shared.web;

import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat refuses before any servlet runs — a URI it cannot decode ({@code %ZZ}), an encoded slash, a request
 * line with characters HTTP does not allow — are answered by the host's ErrorReportValve, which wrote Tomcat's
 * English "HTTP Status 400 – Bad Request" page even for API clients. This replaces that valve: problem+json under
 * /api, a short page in the user's language elsewhere (the same texts as {@link ErrorResponses}).
 * Runs after Spring Boot's own Tomcat customizer, which installs the plain valve.
 */
@Component
class TomcatErrorReports implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    private final MessageSource messages;
    private final JsonMapper json;

    TomcatErrorReports(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new LocalizedErrorReportValve(messages, json));
            if (host instanceof StandardHost standardHost) {
                // otherwise the host adds Tomcat's default valve again when it starts
                standardHost.setErrorReportValveClass(LocalizedErrorReportValve.class.getName());
            }
        });
    }

    static final class LocalizedErrorReportValve extends ErrorReportValve {

        private final MessageSource messages;
        private final JsonMapper json;

        LocalizedErrorReportValve(MessageSource messages, JsonMapper json) {
            this.messages = messages;
            this.json = json;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            if (status == null) {
                status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
            }
            try {
                String uri = request.getRequestURI();
                // No URI: the request line itself could not be parsed (a control character, a raw non-ASCII byte).
                // Browsers never send such lines (they percent-encode those), so the sender is a program: answer it
                // as the API would.
                boolean api = uri == null || uri.isEmpty() || uri.startsWith("/api/");
                response.resetBuffer();
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
                response.setHeader(
                        "Content-Security-Policy", "default-src 'none'; style-src 'self'; frame-ancestors 'none'");
                if (api) {
                    String detail = status.is5xxServerError()
                            ? "Unexpected error; it has been logged"
                            : "The request was refused before it reached the application (" + status.getReasonPhrase()
                                    + "): check the URL's encoding and the request line";
                    byte[] body = json.writeValueAsBytes(
                            ApiProblems.of(status, detail).getBody());
                    response.setContentType("application/problem+json");
                    response.setCharacterEncoding("UTF-8");
                    write(response, new String(body, StandardCharsets.UTF_8));
                } else {
                    Locale locale = locale(request);
                    String headline = messages.getMessage(
                            "error.status." + code,
                            null,
                            messages.getMessage(
                                    status.is5xxServerError() ? "error.status.5xx" : "error.status.4xx",
                                    null,
                                    "",
                                    locale),
                            locale);
                    String title = messages.getMessage("error.title", null, "", locale);
                    String back = messages.getMessage("error.back", null, "/", locale);
                    response.setContentType("text/html");
                    response.setCharacterEncoding("UTF-8");
                    write(
                            response,
                            "<!DOCTYPE html><html lang=\"" + locale.toLanguageTag()
                                    + "\"><head><meta charset=\"UTF-8\">"
                                    + "<title>" + code + " · " + HtmlUtils.htmlEscape(title) + " · OpenVMI</title>"
                                    + "<link rel=\"stylesheet\" href=\"/css/openvmi.css\"></head><body><main>"
                                    + "<h1 id=\"error-title\">" + code + " · " + HtmlUtils.htmlEscape(headline)
                                    + "</h1>"
                                    + "<p><a href=\"/\">" + HtmlUtils.htmlEscape(back)
                                    + "</a></p></main></body></html>");
                }
            } catch (IOException | RuntimeException e) {
                getContainer().getLogger().warn("Could not write the error report for status " + code, e);
            }
        }

        private static void write(Response response, String text) throws IOException {
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(text);
                response.finishResponse();
            }
        }

        /** As the UI's LocaleResolver: the language chosen with ?lang (cookie), else the browser's, else Chinese. */
        private static Locale locale(Request request) {
            Cookie[] cookies = request.getCookies();
            String chosen = null;
            if (cookies != null) {
                for (Cookie c : cookies) {
                    if ("openvmi-lang".equals(c.getName())) {
                        chosen = c.getValue();
                    }
                }
            }
            String language = chosen != null
                    ? Locale.forLanguageTag(chosen.replace('_', '-')).getLanguage()
                    : request.getLocale() == null ? "zh" : request.getLocale().getLanguage();
            return "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        }
    }
}

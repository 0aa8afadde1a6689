package org.openvmi.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error that reaches the servlet container's error page (/error), whoever raised it: Tomcat (a URI it cannot
 * decode, a body it refuses), Spring Security (a 403 of a page, a request its firewall rejects) or an exception no
 * handler took. Replaces Spring Boot's BasicErrorController, whose answers were plain JSON for the API and English
 * reason phrases ("Forbidden", "Bad Request") on pages: under /api it answers problem+json like
 * {@link ApiExceptionHandler}, elsewhere the error page in the user's language.
 */
@Controller
class ErrorResponses implements ErrorController {

    private final ErrorAttributes errors;
    private final MessageSource messages;

    ErrorResponses(ErrorAttributes errors, MessageSource messages) {
        this.errors = errors;
        this.messages = messages;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, Locale locale) {
        HttpStatus status = status(request);
        Throwable error = errors.getError(new ServletWebRequest(request));
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null && uri.startsWith(request.getContextPath() + "/api/")) {
            return ApiProblems.of(status, apiDetail(status, error, request));
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject(
                "headline",
                text(
                        "error.status." + status.value(),
                        text(status.is5xxServerError() ? "error.status.5xx" : "error.status.4xx", null, locale),
                        locale));
        // the refusal of our own rules (a filter value, a business rule) says what to change, in the page's language
        page.addObject("detail", domainRefusal(error) ? FormErrors.describe((RuntimeException) error, messages) : null);
        return page;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return HttpStatus.NOT_FOUND; // /error opened directly: there is no error to show
        }
        HttpStatus status = code instanceof Integer c ? HttpStatus.resolve(c) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String apiDetail(HttpStatus status, Throwable error, HttpServletRequest request) {
        if (status.is5xxServerError()) {
            return "Unexpected error; it has been logged";
        }
        if (domainRefusal(error)) {
            return error.getMessage();
        }
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String text = message == null ? "" : message.toString();
        return text.isBlank() ? status.getReasonPhrase() : text;
    }

    private static boolean domainRefusal(Throwable error) {
        return error instanceof InvalidInputException
                || error instanceof NotFoundException
                || error instanceof ConflictException
                || error instanceof BusinessRuleException;
    }

    private String text(String code, String fallback, Locale locale) {
        return messages.getMessage(code, null, fallback, locale);
    }
}

package org.openvmi.shared.web;

/**
 * Recognises an upload refused for its size, whatever wraps it: Spring's MaxUploadSizeExceededException, or Tomcat's
 * InvalidParameterException, which {@code request.getParameter} throws when the multipart body it parses on the way
 * is too large (the locale interceptor reads {@code ?lang} on every request, before any controller).
 */
public final class UploadLimits {

    private UploadLimits() {}

    public static boolean exceeded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.contains("MaxUploadSizeExceeded")
                    || name.contains("SizeLimitExceeded")
                    || name.contains("SizeException")) {
                return true;
            }
        }
        return false;
    }
}

package org.openvmi.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.openvmi.shared.tabular.TabularFormat;

/**
 * Marks an API method that answers a file: the OpenAPI document then describes its 200 response as
 * {@code format: binary} in each of these formats' media types (instead of a base64 string of {@code *}/{@code *}).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Download {

    TabularFormat[] value();
}

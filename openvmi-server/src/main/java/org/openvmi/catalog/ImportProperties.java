package org.openvmi.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxFileSize the largest import file accepted; a larger upload is refused with 413 and changes nothing.
 *                    application.yml also feeds it to the servlet multipart limit, so one property sets both.
 */
@ConfigurationProperties("openvmi.imports")
public record ImportProperties(@DefaultValue("20MB") DataSize maxFileSize) {}

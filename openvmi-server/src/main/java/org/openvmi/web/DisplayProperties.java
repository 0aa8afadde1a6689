package org.openvmi.web;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How pages show time and money.
 *
 * @param timeZone the zone every date and time on a page is shown in (with the zone written beside it)
 * @param currency the currency of amounts whose document or supplier carries none
 */
@ConfigurationProperties("openvmi.display")
public record DisplayProperties(
        @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @DefaultValue("CNY") String currency) {}

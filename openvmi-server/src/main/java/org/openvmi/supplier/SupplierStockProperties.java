package org.openvmi.supplier;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param staleAfter a supplier's figure older than this (by its as-of time) is flagged stale */
@ConfigurationProperties("openvmi.supplier-stock")
public record SupplierStockProperties(@DefaultValue("72h") Duration staleAfter) {}

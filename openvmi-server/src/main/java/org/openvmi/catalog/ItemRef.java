package org.openvmi.catalog;

import java.math.BigDecimal;

/** What other features need to know of an item to post stock against it. */
public record ItemRef(long id, String code, String name, String uom, boolean lotTracked, BigDecimal unitCost) {}

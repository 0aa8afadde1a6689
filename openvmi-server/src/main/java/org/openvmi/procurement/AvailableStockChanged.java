package org.openvmi.procurement;

import java.util.List;

/**
 * A supplier reported its available stock of these items (API, file or portal): what {@link AvailableStockLookup}
 * answers changed, and with it the source a purchase suggestion picks. The supplier feature publishes it in the
 * reporting transaction; planning re-plans the items where they are planned. It lives here, beside the lookup, and
 * not in the supplier feature, because planning must not depend on the supplier feature (which reads planning).
 */
public record AvailableStockChanged(long supplierId, List<Long> itemIds) {}

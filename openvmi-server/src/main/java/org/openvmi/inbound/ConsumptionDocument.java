package org.openvmi.inbound;

import jakarta.validation.Valid;
import java.util.List;
import org.openvmi.consignment.ConsumptionRequest;
import org.openvmi.shared.MaxChars;

/**
 * One source document of sales or consumption (a POS receipt, a production backflush …): every line consumes FIFO
 * across lots and owners, consigned stock passing to the buyer with its settlement line, all lines in one transaction.
 */
public record ConsumptionDocument(@MaxChars(100) String sourceId, List<@Valid ConsumptionRequest> lines) {}

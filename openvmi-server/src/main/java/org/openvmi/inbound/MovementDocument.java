package org.openvmi.inbound;

import jakarta.validation.Valid;
import java.util.List;
import org.openvmi.inventory.MovementRequest;
import org.openvmi.shared.MaxChars;

/** One source document of movements (a goods receipt, a WMS pick list …): its lines are posted in one posting. */
public record MovementDocument(@MaxChars(100) String sourceId, List<@Valid MovementRequest> lines) {}

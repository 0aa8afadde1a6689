package org.openvmi.planning.model;

/**
 * What a suggestion proposes: replenishment by the item's VMI (consignment) supplier, a purchase from the primary
 * source, or a transfer of excess stock from another warehouse.
 */
public enum SuggestionType {
    VMI_REPLENISHMENT,
    PURCHASE,
    TRANSFER
}

/**
 * The rules of procurement in plain Java (no Spring, no SQL): approval routing, order quantities, supplier choice,
 * receipt tolerance and the three-way match. Each returns its reason so the API and pages can say why.
 */
package org.openvmi.procurement.model;

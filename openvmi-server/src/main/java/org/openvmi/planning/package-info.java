/**
 * Planning: demand history now; forecasting, safety stock and replenishment suggestions build on it.
 */
package org.openvmi.planning;

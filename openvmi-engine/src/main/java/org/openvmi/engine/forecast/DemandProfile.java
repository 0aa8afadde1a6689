package org.openvmi.engine.forecast;

/**
 * The classification of one series: its average inter-demand interval (ADI), the squared coefficient of variation
 * of its non-zero demand sizes (CV²), the resulting class and a sentence saying why (for the planner's screen).
 * ADI and CV² are NaN when they cannot be estimated.
 */
public record DemandProfile(double adi, double cv2, DemandClass demandClass, String reason) {}

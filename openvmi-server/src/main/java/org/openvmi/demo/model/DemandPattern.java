package org.openvmi.demo.model;

/** The shape of an item's demand in the demo data. */
public enum DemandPattern {
    /** Steady demand with a weekly rhythm. */
    SMOOTH,
    /** A yearly wave (summer or winter peak). */
    SEASONAL,
    /** Growing or shrinking over the year. */
    TRENDING,
    /** A few units on most days, often none. */
    SLOW,
    /** Rare, lumpy orders: most days zero (spare parts). */
    INTERMITTENT
}

package org.openvmi.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints "forecast: 10 % (764/7644 series)" to stderr at every tenth of the work, when there are at least 100 steps
 * (or always, for a few long steps such as calibration backtests).
 */
final class Progress {

    private final String label;
    private final String unit;
    private final int minimum;
    private final int total;
    private final PrintStream err;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger lastTenth = new AtomicInteger();

    Progress(String label, int total, PrintStream err) {
        this(label, "series", 100, total, err);
    }

    Progress(String label, String unit, int minimum, int total, PrintStream err) {
        this.label = label;
        this.unit = unit;
        this.minimum = minimum;
        this.total = total;
        this.err = err;
    }

    void step() {
        int now = done.incrementAndGet();
        if (total < minimum) {
            return;
        }
        int tenth = (int) (10L * now / total);
        int before = lastTenth.get();
        if (tenth > before && lastTenth.compareAndSet(before, tenth)) {
            err.printf("%s: %d %% (%d/%d %s)%n", label, tenth * 10, now, total, unit);
        }
    }
}

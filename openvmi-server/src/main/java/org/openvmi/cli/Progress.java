package org.openvmi.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/** Prints "forecast: 10 % (764/7644 series)" to stderr at every tenth of the work, for inputs of 100 series or more. */
final class Progress {

    private final String label;
    private final int total;
    private final PrintStream err;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger lastTenth = new AtomicInteger();

    Progress(String label, int total, PrintStream err) {
        this.label = label;
        this.total = total;
        this.err = err;
    }

    void step() {
        int now = done.incrementAndGet();
        if (total < 100) {
            return;
        }
        int tenth = (int) (10L * now / total);
        int before = lastTenth.get();
        if (tenth > before && lastTenth.compareAndSet(before, tenth)) {
            err.printf("%s: %d %% (%d/%d series)%n", label, tenth * 10, now, total);
        }
    }
}

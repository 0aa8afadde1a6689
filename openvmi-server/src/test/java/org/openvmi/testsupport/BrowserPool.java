package org.openvmi.testsupport;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The headless chromiums of one test JVM. Starting one costs 3 to 7 s on a loaded two-core CI machine, and the browser
 * tests asked for about 70 (one per test method, plus {@link Browser#another()}); a browser handed back is
 * {@linkplain Browser#reset() cleared} (cookies, storage and cache of the application's origin, a new tab, the
 * window size and console log of a fresh start) and given to the next test instead of being closed. One that cannot
 * be cleared, or whose test failed, is closed. All are closed when the JVM exits.
 */
final class BrowserPool {

    /** Idle browsers kept beyond this are closed: a test takes at most four at once (itself and three others). */
    static final int MAX_IDLE = 4;

    private static final Deque<Browser> idle = new ArrayDeque<>();
    private static final Set<Browser> all = new LinkedHashSet<>();
    private static boolean hooked;

    private BrowserPool() {}

    /** A clean browser pointed at {@code baseUrl}: an idle one when there is one, else a new one. */
    static Browser acquire(String baseUrl) {
        Browser browser;
        synchronized (BrowserPool.class) {
            browser = idle.pollFirst();
            if (!hooked) {
                Runtime.getRuntime().addShutdownHook(new Thread(BrowserPool::closeAll, "close-browsers"));
                hooked = true;
            }
        }
        if (browser != null) {
            browser.rebind(baseUrl);
            return browser;
        }
        browser = Browser.start(baseUrl);
        synchronized (BrowserPool.class) {
            all.add(browser);
        }
        return browser;
    }

    /** Clears the browser and keeps it for the next test; closes it when that fails. */
    static void release(Browser browser) {
        synchronized (BrowserPool.class) {
            if (!all.contains(browser) || idle.contains(browser)) {
                return; // closed or already handed back
            }
        }
        boolean clean;
        try {
            browser.reset();
            clean = true;
        } catch (RuntimeException e) {
            System.err.println("Closing a browser that could not be cleared for the next test: " + e);
            clean = false;
        }
        synchronized (BrowserPool.class) {
            if (clean && idle.size() < MAX_IDLE) {
                idle.addFirst(browser);
                return;
            }
        }
        discard(browser);
    }

    /** Closes the browser for good (after a failed test its state is not worth trusting). */
    static void discard(Browser browser) {
        synchronized (BrowserPool.class) {
            idle.remove(browser);
            if (!all.remove(browser)) {
                return;
            }
        }
        browser.quit();
    }

    private static void closeAll() {
        Browser[] browsers;
        synchronized (BrowserPool.class) {
            browsers = all.toArray(new Browser[0]);
            all.clear();
            idle.clear();
        }
        for (Browser browser : browsers) {
            try {
                browser.quit();
            } catch (RuntimeException ignored) {
                // the JVM is exiting; chromedriver takes its chromium down with it
            }
        }
    }
}

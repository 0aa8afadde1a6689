package org.openvmi.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless chromium, driven through chromedriver, lent to one test method at a time (see {@link BrowserTest} and
 * {@link BrowserPool}: between two tests it is cleared as if new). The helpers wait explicitly (up to {@link #TIMEOUT})
 * for what the test expects instead of sleeping.
 */
public final class Browser implements AutoCloseable {

    public static final String DEFAULT_CHROME_BIN = "/usr/bin/chromium";
    public static final String DEFAULT_CHROMEDRIVER = "/usr/bin/chromedriver";
    /** Generous: CI machines have two cores and run Maven, the application and chromium at once. */
    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static final Duration PAGE_LOAD_TIMEOUT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path profile;
    /** The window as chromium started it ({@code --window-size}); tests that resize it get it back afterwards. */
    private final Dimension initialSize;
    /** The browsers {@link #another()} lent during the current test; handed back with this one. */
    private final List<Browser> others = new ArrayList<>();

    private volatile String baseUrl;

    private Browser(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
        this.initialSize = driver.manage().window().getSize();
    }

    static Path chromeBinary() {
        return Path.of(env("CHROME_BIN", DEFAULT_CHROME_BIN));
    }

    static Path chromedriver() {
        return Path.of(env("CHROMEDRIVER", DEFAULT_CHROMEDRIVER));
    }

    /** Starts chromium with a fresh profile; the browser asks for Chinese pages first (Accept-Language zh-CN). */
    static Browser start(String baseUrl) {
        Path chrome = chromeBinary();
        Path chromedriver = chromedriver();
        if (!Files.isExecutable(chrome) || !Files.isExecutable(chromedriver)) {
            throw new IllegalStateException(
                    "Browser tests need chromium at " + chrome + " and chromedriver at " + chromedriver
                            + ": install Debian's chromium and chromium-driver, or set CHROME_BIN / CHROMEDRIVER");
        }
        // Selenium Manager is skipped because the driver service gets its executable below; should it ever run
        // anyway, it must not download a browser or driver.
        if (System.getProperty("SE_OFFLINE") == null) {
            System.setProperty("SE_OFFLINE", "true");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("openvmi-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chrome.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD_TIMEOUT);
            return new Browser(driver, profile, baseUrl);
        } catch (RuntimeException e) {
            service.stop();
            BrowserExtension.deleteQuietly(profile);
            throw e;
        }
    }

    /**
     * A second, independent browser (own chromium, profile and session) on the same server; handed back with this
     * one at the end of the test, or earlier by {@link #close()}.
     */
    public Browser another() {
        Browser other = BrowserPool.acquire(baseUrl);
        synchronized (others) {
            others.add(other);
        }
        return other;
    }

    public WebDriver driver() {
        return driver;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Loads a page of the application, e.g. {@code open("/items")}, and waits until it has loaded. */
    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** The path and query of the current page, e.g. {@code /items?q=X}. */
    public String currentPath() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    /** Waits until {@code condition} returns something other than null or false, and returns that. */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, TIMEOUT)
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "waiting for " + what + " on " + currentPath())
                .until(condition);
    }

    /** Waits for the element to be displayed. */
    public WebElement visible(By by) {
        return await(by + " to be visible", ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits for the element with this id to be displayed. */
    public WebElement byId(String id) {
        return visible(By.id(id));
    }

    /** Waits until the element shows exactly this text; returns it. */
    public WebElement awaitText(By by, String text) {
        await(by + " to read '" + text + "'", ExpectedConditions.textToBe(by, text));
        return driver.findElement(by);
    }

    /** Waits until the element with this id shows exactly this text; returns it. */
    public WebElement awaitText(String id, String text) {
        return awaitText(By.id(id), text);
    }

    /** Replaces the content of the input with this id. */
    public Browser type(String id, String text) {
        WebElement input = byId(id);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    public Browser click(String id) {
        await("#" + id + " to be clickable", ExpectedConditions.elementToBeClickable(By.id(id)))
                .click();
        return this;
    }

    public Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    /**
     * Leaves the page, then forgets the session cookie, e.g. before signing in as someone else. The page is left
     * first: its alert bell polls every second, and a poll without a session would be saved as the page to go to
     * after the next login (seen in CI under load: the login landed on {@code /alerts/bell?continue}).
     */
    public Browser forgetSession() {
        driver.get("about:blank");
        driver.manage().deleteAllCookies();
        return this;
    }

    /** Signs in through the login form and waits until the signed-in page shows the user. */
    public Browser logIn(String username, String password) {
        open("/login");
        type("username", username);
        type("password", password);
        click("login-submit");
        awaitText("current-user", username);
        return this;
    }

    /**
     * Saves a PNG of the current page under {@code openvmi.browser.screenshots} (system property; default
     * {@code target/browser-screenshots}) for people to look at; returns the file.
     */
    public Path screenshot(String name) {
        Path dir = Path.of(System.getProperty("openvmi.browser.screenshots", "target/browser-screenshots"));
        return saveScreenshot(dir.resolve(name + ".png"));
    }

    /** Screenshot, page source and a short text report, named {@code name.*} in {@code dir}; returns the base path. */
    Path saveFailureReport(Path dir, String name, Throwable failure) {
        Path base = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            StringBuilder report = new StringBuilder()
                    .append("URL: ")
                    .append(safely(driver::getCurrentUrl))
                    .append('\n')
                    .append("Title: ")
                    .append(safely(driver::getTitle))
                    .append('\n')
                    .append("Failure: ")
                    .append(failure)
                    .append('\n')
                    .append("Browser console:\n")
                    .append(safely(() -> driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                            .map(Object::toString)
                            .collect(Collectors.joining("\n"))))
                    .append('\n');
            Files.writeString(Path.of(base + ".txt"), report, StandardCharsets.UTF_8);
            Files.writeString(Path.of(base + ".html"), safely(driver::getPageSource), StandardCharsets.UTF_8);
            saveScreenshot(Path.of(base + ".png"));
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save the browser failure report " + base + ": " + e);
        }
        return base;
    }

    private Path saveScreenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands this browser (and those {@link #another()} lent during the test) back to the pool for the next test. */
    @Override
    public void close() {
        for (Browser other : takeOthers()) {
            BrowserPool.release(other);
        }
        BrowserPool.release(this);
    }

    /** Closes this browser and those {@link #another()} lent during the test for good. */
    void discard() {
        for (Browser other : takeOthers()) {
            BrowserPool.discard(other);
        }
        BrowserPool.discard(this);
    }

    private List<Browser> takeOthers() {
        synchronized (others) {
            List<Browser> taken = List.copyOf(others);
            others.clear();
            return taken;
        }
    }

    /** Points the browser at another application (a test context of its own port). */
    void rebind(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * Leaves nothing of the last test for the next one: an open dialog dismissed; a new tab replaces every tab and
     * window the test had (so no page, script, history or sessionStorage survives); cookies, cache and the
     * application origin's storage cleared; window size, timeouts and input state as after {@link #start}; the
     * console log emptied (tests read it). Throws when the browser cannot be cleared; the pool then closes it.
     */
    void reset() {
        try {
            driver.switchTo().alert().dismiss();
        } catch (NoAlertPresentException none) {
            // the usual case
        }
        String fresh = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(fresh)) {
                driver.switchTo().window(handle);
                driver.close();
            }
        }
        driver.switchTo().window(fresh);
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        // baseUrl is the origin (scheme, host and port); "all": local storage, IndexedDB, service workers, caches …
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", baseUrl, "storageTypes", "all"));
        driver.manage().window().setSize(initialSize);
        driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD_TIMEOUT);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        driver.resetInputState();
        driver.manage().logs().get(LogType.BROWSER);
    }

    /** Quits chromium and deletes its profile. */
    void quit() {
        try {
            driver.quit();
        } finally {
            BrowserExtension.deleteQuietly(profile);
        }
    }

    private static String safely(java.util.function.Supplier<String> value) {
        try {
            return value.get();
        } catch (RuntimeException e) {
            return "(unavailable: " + e.getMessage() + ")";
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}

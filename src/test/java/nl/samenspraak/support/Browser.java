package nl.samenspraak.support;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Debian's headless Chromium at a phone's size (390x844), each instance as a fresh profile: no cookies, storage or
 * cache, a new tab. Screenshots go to target/screenshots/.
 *
 * <p>Starting ChromeDriver and Chromium costs about a second of CPU each time, and the suite opens dozens of
 * browsers; so a closed browser is wiped (cookies, every kind of storage and the cache of each origin it visited,
 * the HTTP cache, its tabs replaced by a new one, the phone size undone) and kept for the next test that asks for
 * the same language, and all are quit when the test JVM ends. A browser whose wiping fails is quit, not kept.
 */
public final class Browser implements AutoCloseable {
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
    private static final String DRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
    /** How often a wait looks again: WebDriver's default of 500 ms idles for most of every turn of a chat. */
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int KEPT = 3;
    /** Idle browsers, newest first. */
    private static final Deque<Browser> IDLE = new ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (IDLE) {
                IDLE.forEach(Browser::quit);
                IDLE.clear();
            }
        }));
    }

    private final ChromeDriver driver;
    private final Path profile;
    private final String language;
    private final Set<String> origins = new LinkedHashSet<>();
    private boolean closed;

    /** A browser as a fresh profile whose language is {@code acceptLanguage}: a kept one when there is one. */
    public Browser(String acceptLanguage) {
        Browser kept = take(acceptLanguage);
        if (kept != null) {
            this.driver = kept.driver;
            this.profile = kept.profile;
        } else {
            if (!new File(CHROMIUM).canExecute() || !new File(DRIVER).canExecute()) {
                throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver ("
                        + CHROMIUM + ", " + DRIVER + "): apt-get install chromium chromium-driver (bash .ci/run does)");
            }
            try {
                profile = Files.createTempDirectory("samenspraak-chromium");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--window-size=390,844", "--lang=" + acceptLanguage);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
            driver = new ChromeDriver(service, options);
        }
        this.language = acceptLanguage;
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    private static Browser take(String language) {
        synchronized (IDLE) {
            for (var it = IDLE.iterator(); it.hasNext(); ) {
                Browser b = it.next();
                if (b.language.equals(language)) {
                    it.remove();
                    return b;
                }
            }
            return null;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Makes the page exactly {@code width} x {@code height} CSS pixels, as a phone shows it (its viewport, not a
     * desktop window with its bars); also used to stand for the on-screen keyboard taking the lower part.
     */
    public void phone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", true));
    }

    /**
     * The phone at {@code width} x {@code height}, once the page has seen the resize and laid itself out again: the
     * window's new size shows at once, its resize event comes with the next frame drawn, and the page's own handlers
     * (registered when it loaded) refit it in that event, before a listener added here later hears it. So the page is
     * measured once that listener has heard it; a size it already has, and has heard, changes nothing. Waiting two
     * frames after the new size showed, as before, took a third longer per resize, and the walks at every phone size
     * resize about a thousand times a run (forty-eighth session, docs/performance-log.md).
     */
    public void resize(int width, int height) {
        Object before = driver.executeScript("""
                if (!window.__resizesHeard) {
                  window.__resizesHeard = 0;
                  window.__sizeHeard = innerWidth + 'x' + innerHeight;
                  addEventListener('resize', () => { window.__resizesHeard++; window.__sizeHeard = innerWidth + 'x' + innerHeight; });
                }
                return innerWidth + 'x' + innerHeight + ' ' + window.__sizeHeard + ' ' + window.__resizesHeard;""");
        String[] seen = String.valueOf(before).split(" ");
        String size = width + "x" + height;
        if (seen[0].equals(size) && seen[1].equals(size)) {
            return; // the page has this size and has heard so: nothing changes
        }
        phone(width, height);
        // the new size heard in a resize event; or, where none comes (a size set and set back before the page drew a
        // frame), the page at it two frames on, as it last heard it
        Object resized = driver.executeAsyncScript("""
                const [width, height, heard, done] = arguments, until = performance.now() + 10000;
                let frames = 0;
                requestAnimationFrame(() => { frames++; requestAnimationFrame(() => frames++); });
                (function look() {
                  const at = innerWidth === width && innerHeight === height;
                  if (at && (window.__resizesHeard > heard || frames >= 2 && window.__sizeHeard === width + 'x' + height)) done(true);
                  else if (performance.now() > until) done(innerWidth + 'x' + innerHeight + ', ' + (window.__resizesHeard - heard) + ' resize events');
                  else setTimeout(look, 5);
                })();""", width, height, Long.parseLong(seen[2]));
        if (!Boolean.TRUE.equals(resized)) {
            throw new AssertionError("the page at " + size + ", not " + resized);
        }
    }

    /** A tap of a finger on {@code target} (touch events, as a phone sends them), not a mouse click. */
    public void tap(org.openqa.selenium.WebElement target) {
        tapAt(centreOf(target));
    }

    /** The middle of {@code target} on the screen, as {@link #tapAt} takes it. */
    public Map<String, Object> centreOf(org.openqa.selenium.WebElement target) {
        @SuppressWarnings("unchecked")
        Map<String, Object> centre = (Map<String, Object>) driver.executeScript("""
                const r = arguments[0].getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2};""", target);
        return Map.of("x", centre.get("x"), "y", centre.get("y"));
    }

    /** A tap of a finger at {@code point}, whatever is there by then (a second tap where the first was). */
    public void tapAt(Map<String, Object> point) {
        driver.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchStart", "touchPoints", List.of(point)));
        driver.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
    }

    /**
     * The text of {@code element} as it shows on the screen: without what is there for a screen reader alone (the
     * speaker before each bubble, "Vraag:", "Antwoord:"), which WebDriver's own text of an element includes.
     */
    public String shownText(org.openqa.selenium.WebElement element) {
        return String.valueOf(driver.executeScript("""
                const shown = arguments[0].cloneNode(true);
                shown.querySelectorAll('.sr-only').forEach(s => s.remove());
                return shown.textContent.trim();""", element));
    }

    /** Whether the element is wholly on the screen as it is now, nothing scrolled (what a person sees at once). */
    public boolean wholeOnScreen(org.openqa.selenium.WebElement element) {
        return (Boolean) driver.executeScript("const r = arguments[0].getBoundingClientRect();"
                + "return r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight"
                + " && r.right <= document.documentElement.clientWidth;", element);
    }

    /**
     * How many CSS pixels (rounded) of the question asked, the chat's last bubble from the bot, show in the chat's
     * scrolling area as it is scrolled now: what a person reads without scrolling.
     */
    public long questionShown() {
        return ((Number) driver.executeScript("""
                const bots = document.querySelectorAll('.bubble.bot');
                const q = bots[bots.length - 1].getBoundingClientRect();
                const chat = document.getElementById('chat').getBoundingClientRect();
                return Math.round(Math.max(0, Math.min(q.bottom, chat.bottom) - Math.max(q.top, chat.top)));""")).longValue();
    }

    /**
     * Answers the chat's question as a person taps through it (the first option, the first box of a multi and its
     * button, {@code typed} in a text box, "verder" on an info step) and waits until the next question or the result's
     * tips are there.
     */
    public void answerByTapping(String typed) {
        int before = all(By.cssSelector(".bubble.bot")).size();
        switch (driver.findElement(By.id("answer")).getAttribute("data-type")) {
            case "info" -> waitFor(By.cssSelector("#answer button.primary")).click();
            case "multi" -> {
                waitFor(By.cssSelector("#answer label.check")).click();
                driver.findElement(By.cssSelector("#answer button.primary")).click();
            }
            case "text" -> {
                waitFor(By.cssSelector("#answer textarea")).sendKeys(typed);
                driver.findElement(By.cssSelector("#answer button.primary")).click();
            }
            default -> waitFor(By.cssSelector("#answer .option")).click();
        }
        waitUntil(d -> all(By.cssSelector(".bubble.bot")).size() > before
                || !d.findElements(By.cssSelector("#result .tip")).isEmpty());
    }

    public void open(String url) {
        origins.add(origin(url));
        driver.get(url);
    }

    /**
     * Opens {@code url}, which shows the login form, and logs in there as a person does: name, password, the button;
     * returns once the form has gone (the next page is loading), so that opening another page right after cannot cut
     * the login short (seen: the next page then asked for a login again).
     */
    public void logIn(String url, String username, String password) {
        open(url);
        waitFor(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        WebElement button = driver.findElement(By.cssSelector("form[action='/login'] button"));
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(10), POLL).until(d -> gone(button));
    }

    /** Whether the element's page has been replaced (Chromium says so in two ways, see {@link #waitUntil}). */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10), POLL).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void waitUntil(java.util.function.Function<ChromeDriver, Boolean> condition) {
        // a page being replaced (a click that navigates) leaves stale elements behind: look again. Chromium sometimes
        // reports the same thing, an element of the page just replaced, as an "unknown error" instead
        new WebDriverWait(driver, Duration.ofSeconds(10), POLL).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    try {
                        return condition.apply(driver);
                    } catch (org.openqa.selenium.WebDriverException e) {
                        if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                            return false;
                        }
                        throw e;
                    }
                });
    }

    public List<WebElement> all(By by) {
        return driver.findElements(By.cssSelector("body")).isEmpty() ? List.of() : driver.findElements(by);
    }

    public void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            // the same PNG of what shows, its compression the quicker one (a larger file, made in two thirds of the
            // time): a run takes about a thousand
            Object png = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "optimizeForSpeed", true)).get("data");
            Files.write(dir.resolve(name + ".png"), java.util.Base64.getDecoder().decode(String.valueOf(png)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** Wiped and kept for the next test, or quit when wiping fails or enough are kept. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Browser kept;
        try {
            kept = wiped();
        } catch (RuntimeException e) {
            quit();
            return;
        }
        Browser evicted = null;
        synchronized (IDLE) {
            IDLE.addFirst(kept);
            if (IDLE.size() > KEPT) {
                evicted = IDLE.removeLast();
            }
        }
        if (evicted != null) {
            evicted.quit();
        }
    }

    /** This browser as a fresh profile: a new tab, no cookies, storage or cache of any origin it saw. */
    private Browser wiped() {
        try {
            origins.add(origin(driver.getCurrentUrl()));
        } catch (RuntimeException e) {
            // about:blank or a data: page has no origin of its own
        }
        Set<String> handles = driver.getWindowHandles();
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        for (String h : handles) {
            driver.switchTo().window(h);
            driver.close();
        }
        driver.switchTo().window(fresh);
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        for (String o : origins) {
            if (o.startsWith("http")) {
                driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", o, "storageTypes", "all"));
            }
        }
        return new Browser(driver, profile, language);
    }

    private Browser(ChromeDriver driver, Path profile, String language) {
        this.driver = driver;
        this.profile = profile;
        this.language = language;
    }

    private void quit() {
        try {
            driver.quit();
        } catch (RuntimeException e) {
            // already gone
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}

package org.diwan.itkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by its chromedriver (both installed by test.sh), headless, with the flags this
 * machine's closed network needs. Screenshots go to target/screenshots for a person to look at.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String base;
    private final Path screenshots = Path.of("target", "screenshots");

    /** A browser on {@code node}, logged in as its administrator ({@link DiwanNode#withAdmin}). */
    public static Browser loggedIn(DiwanNode node) throws IOException {
        Browser browser = new Browser(node);
        try {
            browser.login(node.adminUser(), node.adminPassword());
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
        return browser;
    }

    /** A browser on {@code node}, with no session yet. */
    public Browser(DiwanNode node) throws IOException {
        this(node.httpPort());
    }

    public Browser(int port) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Chromium and chromedriver are needed: run ./test.sh, which installs them");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1200,900", "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory("diwan-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        base = "http://127.0.0.1:" + port;
        Files.createDirectories(screenshots);
    }

    public void open(String path) {
        driver.get(base + path);
    }

    /** Signs in through the login page, as a person would; fails when the login page comes back. */
    public void login(String user, String password) {
        open("/login");
        type("#username", user);
        type("#password", password);
        clickAndWait("#login-submit");
        if (path().startsWith("/login")) {
            throw new IllegalStateException("login of " + user + " refused: " + (present("#login-error") ? text("#login-error") : path()));
        }
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks and waits for the page the click leads to. */
    public void clickAndWait(String css) {
        WebElement old = driver.findElement(By.tagName("html"));
        find(css).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> gone(old));
    }

    /** Chromium sometimes answers "node does not belong to the document" instead of "stale": both mean gone. */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
        }
    }

    /** Chooses the option with this value in a select element. */
    public void select(String css, String value) {
        new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
    }

    /** Hands a file to a file input, as a person choosing it would. */
    public void attach(String css, Path file) {
        find(css).sendKeys(file.toAbsolutePath().toString());
    }

    public int count(String css) {
        return driver.findElements(By.cssSelector(css)).size();
    }

    public String attribute(String css, String name) {
        return find(css).getAttribute(name);
    }

    public String text(String css) {
        return find(css).getText();
    }

    public boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Runs an asynchronous script: it ends by calling its last argument with the result. */
    public Object script(String javascript) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(javascript);
    }

    /** The value a synchronous script returns ({@code return document.title}). */
    public Object evaluate(String javascript) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(javascript);
    }

    public void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}

package com.recguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The console in a real browser: Debian's Chromium, driven by its ChromeDriver through Selenium,
 * against the service seeded through its intake ({@link SeededConsole}). Signs in as an auditor
 * (viewer), visits every page, checks each shows the seeded data, narrows the violations with the
 * filter form, and opens the trader's call to find the phrase evidence. A screenshot of each page
 * at laptop width goes to target/console/.
 *
 * <p>Without chromium and chromedriver (.ci/install-test-servers installs both) the test is
 * skipped, loudly: the reason goes to stderr and the report. With {@code CI} set it fails instead.
 */
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("RECGUARD_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("RECGUARD_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SHOTS = Path.of("target/console");

    @TempDir
    static Path tmp;
    static SeededConsole console;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "ConsoleBrowserTest SKIPPED: " + (Files.isExecutable(CHROMIUM) ? "" : CHROMIUM + " is missing; ")
                    + (Files.isExecutable(CHROMEDRIVER) ? "" : CHROMEDRIVER + " is missing; ")
                    + "install Debian's chromium and chromium-driver (.ci/install-test-servers does)";
            System.err.println("*** " + why + " ***");
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(why + " (CI is set: this must not be skipped)");
            }
            Assumptions.abort(why);
        }
        console = new SeededConsole(tmp);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("chromium-profile")), "--window-size=1366,900");
        ChromeDriverService driverService = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driverService, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10)); // a form post's page may still be loading
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (console != null) {
            console.close();
        }
    }

    void open(String path) {
        browser.get(console.base() + path);
    }

    /** A screenshot of the whole page at laptop width (Chrome's DevTools capture beyond the viewport). */
    @SuppressWarnings("unchecked")
    void screenshot(String name) throws Exception {
        ChromeDriver chrome = (ChromeDriver) browser;
        Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(((Number) size.get("height")).doubleValue(), 8000);
        Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.write(SHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    List<String> column(String tableId, int index) {
        return browser.findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")))
                .filter(tds -> tds.size() > index).map(tds -> tds.get(index).getText()).toList();
    }

    /** Waits (up to 10 s) until the page the browser is loading satisfies the condition. */
    void waitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    void signIn(String name, String token) {
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.cssSelector("form[action='/console/signin'] button[type=submit]")).click();
    }

    @Test
    void an_auditor_signs_in_and_every_page_shows_the_seeded_conversations() throws Exception {
        // Refused without credentials: the sign-in form and nothing else, whichever page was asked for.
        open("/console/violations");
        assertThat(browser.findElement(By.id("signin-title")).getText()).isEqualTo("Sign in");
        assertThat(browser.getPageSource()).doesNotContain("MISSING_RECORDING", "guaranteed return");
        screenshot("signin");
        signIn(SeededConsole.VIEWER, "a-guess");
        assertThat(browser.findElement(By.id("signin-error")).getText()).contains("do not match");
        assertThat(browser.findElements(By.id("violations-table"))).isEmpty();

        signIn(SeededConsole.VIEWER, SeededConsole.VIEWER_TOKEN);
        browser.findElement(By.id("signed-in-as"));
        assertThat(browser.getCurrentUrl()).as("back to the page asked for").endsWith("/console/violations");
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo(SeededConsole.VIEWER);

        // Open violations, then the filter narrows them.
        List<String> codes = column("violations-table", 2);
        assertThat(codes).contains("MISSING_RECORDING", "UNJUSTIFIED_STOP", "RECORDING_GAP", "UNAPPROVED_EXEMPTION",
                "RESIDENCY_CONFLICT");
        screenshot("violations");
        browser.findElement(By.cssSelector("#f-code option[value='RECORDING_GAP']")).click();
        browser.findElement(By.id("apply-filter")).click();
        waitUntil(() -> browser.getCurrentUrl().contains("code=RECORDING_GAP"), "the filtered page loaded");
        browser.findElement(By.id("violations-table"));
        List<String> narrowed = column("violations-table", 2);
        assertThat(narrowed).isNotEmpty().hasSizeLessThan(codes.size()).containsOnly("RECORDING_GAP");
        assertThat(browser.getCurrentUrl()).contains("code=RECORDING_GAP");
        screenshot("violations-filtered");

        // Completeness: every seeded conversation and the failed one counted, seen = final + provisional + pending.
        browser.findElement(By.linkText("Completeness")).click();
        WebElement table = browser.findElement(By.id("completeness-table"));
        long seen = column("completeness-table", 0).stream().mapToLong(Long::parseLong).sum();
        long decided = column("completeness-table", 1).stream().mapToLong(Long::parseLong).sum()
                + column("completeness-table", 2).stream().mapToLong(Long::parseLong).sum();
        long pending = column("completeness-table", 6).stream().mapToLong(Long::parseLong).sum();
        assertThat(seen).isEqualTo(console.conversations.size() + 1);
        assertThat(decided + pending).isEqualTo(seen);
        assertThat(pending).as("the conversation Genesys could not return").isEqualTo(1);
        assertThat(table.getText()).contains("not swept").contains("swept");
        assertThat(browser.findElement(By.cssSelector("#completeness-chart desc")).getAttribute("textContent"))
                .contains((console.conversations.size() + 1) + " seen");
        assertThat(browser.findElements(By.cssSelector("#completeness-chart rect.gap"))).isNotEmpty();
        screenshot("completeness");

        // The trader's call: the phrase evidence, the rule that fired on it, the archive lock and hold, the log entry.
        open("/console/conversations/" + SeededConsole.TRADER_CALL);
        WebElement evidence = browser.findElement(By.id("evidence-table"));
        assertThat(evidence.getText()).contains("guaranteed return");
        List<WebElement> row = evidence.findElements(By.cssSelector("tbody tr td"));
        assertThat(row.get(2).getText()).as("utterance").matches("\\d+");
        assertThat(row.get(3).getText()).as("offset").matches("\\d+");
        assertThat(browser.findElement(By.id("fired-rules")).getText()).contains("HLD-001");
        assertThat(browser.findElement(By.id("archive-objects")).getText()).contains("COMPLIANCE until", "ON");
        assertThat(browser.findElement(By.id("log-entry")).getText()).contains("sha256:");
        assertThat(browser.findElements(By.cssSelector("#timeline-chart rect.phrase"))).isNotEmpty();
        screenshot("conversation");

        browser.findElement(By.linkText("Legal holds")).click();
        String holds = browser.findElement(By.id("holds-table")).getText();
        assertThat(holds).contains("LH-44", SeededConsole.OPERATOR, "SEC inquiry 2026-117", "LH-51");
        List<String> heldCounts = column("holds-table", 5);
        assertThat(heldCounts).contains("1");
        screenshot("holds");

        browser.findElement(By.linkText("Failures")).click();
        assertThat(browser.findElement(By.id("failed-events-table")).getText()).contains(SeededConsole.GONE, "not found");
        assertThat(browser.findElement(By.id("dead-letters-table")).getText()).contains("ALERT", "alert webhook answered 410 Gone");
        screenshot("failures");

        browser.findElement(By.linkText("Rule pack")).click();
        assertThat(browser.findElement(By.id("pack-sha")).getText()).isEqualTo(console.service.packs().evaluator().pack().sha256());
        assertThat(column("rules-table", 1)).contains("HLD-001");
        screenshot("rules");

        browser.findElement(By.linkText("QA alignment")).click();
        assertThat(column("qa-table", 0)).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#qa-chart rect.widest"))).isNotEmpty();
        screenshot("qa");

        // Sign out: the next page asks for sign-in again.
        browser.findElement(By.cssSelector("form[action='/console/signout'] button")).click();
        browser.findElement(By.id("signin-title"));
        open("/console/holds");
        assertThat(browser.findElement(By.id("signin-title")).getText()).isEqualTo("Sign in");
        assertThat(browser.getPageSource()).doesNotContain("SEC inquiry");
    }
}

package org.hlspipeline.queryapi.viewer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.hlspipeline.queryapi.testing.Directories;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver through Selenium.
 *
 * <p>Both programs are named by their paths, so Selenium Manager is never asked to find (or download) a driver or
 * a browser: Selenium skips it when the driver service is given its executable, and says so in its log, which
 * {@link #start} checks. Chromium gets exactly
 * {@link #FLAGS} and a fresh, empty profile directory (deleted on close). The flags keep it off the network except
 * for what the page asks (this machine's network is closed, and background connections would be refused many at a
 * time) and let a video start without a click. chromedriver adds its own automation switches as it always does.
 */
public final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--autoplay-policy=no-user-gesture-required");

    private final Path profile;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** Fails, never skips, when Chromium or chromedriver is missing. */
    public static void requireInstalled() {
        for (Path program : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(program)) {
                throw new AssertionError(program + " is missing: the browser tests need Debian's Chromium and its "
                        + "driver (apt-get install chromium chromium-driver; .ci/run installs them)");
            }
        }
    }

    public static HeadlessChromium start(Path logFile) {
        requireInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("hls-chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a profile directory for Chromium", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(logFile.toFile())
                .build();
        DriverFinderLog finderLog = DriverFinderLog.listen();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            Directories.deleteQuietly(profile);
            throw e;
        } finally {
            finderLog.close();
        }
        HeadlessChromium chromium = new HeadlessChromium(profile, driver);
        if (!finderLog.skippedSeleniumManager()) {
            chromium.close();
            throw new AssertionError("Selenium did not say it skipped Selenium Manager (it may have looked for, or "
                    + "downloaded, a driver): " + finderLog.messages());
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return chromium;
    }

    /**
     * What Selenium's DriverFinder logs while the driver starts. It says "Skipping Selenium Manager" when the
     * driver service names its executable, which is the proof that nothing was looked up or downloaded.
     */
    private static final class DriverFinderLog extends Handler {

        private static final Logger LOGGER = Logger.getLogger("org.openqa.selenium.remote.service.DriverFinder");

        private final List<String> messages = new CopyOnWriteArrayList<>();
        private final Level previous = LOGGER.getLevel();

        static DriverFinderLog listen() {
            DriverFinderLog log = new DriverFinderLog();
            LOGGER.setLevel(Level.FINE);
            LOGGER.addHandler(log);
            return log;
        }

        boolean skippedSeleniumManager() {
            return messages.stream().anyMatch(m -> m.startsWith("Skipping Selenium Manager"));
        }

        List<String> messages() {
            return List.copyOf(messages);
        }

        @Override
        public void publish(LogRecord record) {
            messages.add(record.getParameters() == null ? record.getMessage()
                    : java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            LOGGER.removeHandler(this);
            LOGGER.setLevel(previous);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            Directories.deleteQuietly(profile);
        }
    }
}

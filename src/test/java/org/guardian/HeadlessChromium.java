package org.guardian;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its chromedriver, with a fresh profile, in Simplified
 * Chinese, and the flags these machines need ({@code --no-sandbox}, no background networking).
 * A test that uses it is skipped where the packages {@code chromium chromium-driver} are missing.
 */
public final class HeadlessChromium implements AutoCloseable {

  static final File CHROMIUM = new File("/usr/bin/chromium");
  static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  private HeadlessChromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts a browser with a window of the given size, or skips the test without Chromium. */
  public static HeadlessChromium start(int width, int height) {
    assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
        "Debian's chromium and chromium-driver are not installed");
    try {
      Path profile = Files.createTempDirectory("guardian-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--no-first-run", "--disable-dev-shm-usage", "--lang=zh-CN",
          "--user-data-dir=" + profile.toAbsolutePath());
      ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build(), options);
      driver.manage().window().setSize(new Dimension(width, height));
      return new HeadlessChromium(driver, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Saves what the browser shows to target/screenshots/{@code name}. */
  public void screenshot(String name) throws IOException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary profile left behind is harmless
    }
  }
}

package org.guardian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.guardian.GuardianTest;
import org.guardian.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver; {@code .ci/run}
 * installs them): a township supervisor signs in, sees only their township, clicks a figure and
 * reaches the list behind it. Screenshots go to target/screenshots. Skipped when no Chromium is
 * installed.
 */
@GuardianTest
class DashboardBrowserTest {

  @LocalServerPort int port;

  HeadlessChromium chromium;
  ChromeDriver browser;

  @BeforeEach
  void startBrowser() {
    chromium = HeadlessChromium.start(1280, 1100);
    browser = chromium.driver();
  }

  @AfterEach
  void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void townshipSupervisorSeesOnlyTheirTownshipAndReachesTheListBehindAFigure() throws Exception {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    browser.get(url("/dashboard"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys("sup-101");
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("area-name")));
    if (!browser.getCurrentUrl().contains("/dashboard")) {
      browser.get(url("/dashboard"));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("area-name")));
    }

    // only the township: its name, its villages, no other township
    assertThat(browser.findElement(By.id("area-name")).getText()).isEqualTo("青溪镇");
    List<String> drill = browser.findElements(By.cssSelector("#sub-areas a.drill")).stream()
        .map(e -> e.getDomAttribute("href")).toList();
    assertThat(drill).isNotEmpty().allSatisfy(h -> assertThat(h).contains("area=371330101"));
    assertThat(browser.getPageSource()).doesNotContain("石桥镇");
    // the chart was drawn by Chart.js (served from the WebJar)
    Object chart = browser.executeScript(
        "return window.Chart && Chart.getChart('risk-chart') ? 'drawn' : 'missing'");
    assertThat(chart).isEqualTo("drawn");
    browser.manage().window().setSize(new Dimension(1280, 2000));
    chromium.screenshot("dashboard.png");
    browser.manage().window().setSize(new Dimension(1280, 1100));

    // a figure leads to the list behind it, with as many rows as it said
    WebElement figure = browser.findElement(By.id("reg-LEFT_BEHIND"));
    long shown = Long.parseLong(figure.getText().trim());
    assertThat(shown).isPositive();
    figure.click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list-title")));
    assertThat(browser.findElement(By.id("list-title")).getText()).contains("青溪镇", "留守儿童");
    assertThat(Long.parseLong(browser.findElement(By.id("row-count")).getText())).isEqualTo(shown);
    assertThat(browser.findElements(By.cssSelector("#list tr"))).hasSize((int) shown + 1);
    chromium.screenshot("dashboard-list.png");

    // another township is not reachable by editing the address
    browser.get(url("/dashboard?area=371330102"));
    assertThat(browser.getPageSource()).doesNotContain("石桥镇").contains("404");
    // ... and the browser shows Guardian's Chinese error page, not JSON
    assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("未找到（404）");
    assertThat(browser.findElement(By.id("error-detail")).getText()).contains("不在您的辖区内");
    chromium.screenshot("error-404.png");

    // a tablet in portrait
    browser.manage().window().setSize(new Dimension(820, 1180));
    browser.get(url("/dashboard"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("area-name")));
    Object overflow = browser.executeScript(
        "return document.documentElement.scrollWidth <= window.innerWidth + 1");
    assertThat(overflow).as("no horizontal scrolling on a tablet").isEqualTo(true);
    chromium.screenshot("dashboard-tablet.png");
  }
}

package org.guardian.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.HeadlessChromium;
import org.guardian.TestChildren;
import org.guardian.workflow.AreaVariables;
import org.guardian.workflow.TaskCompletionRejected;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The task forms as Camunda 7.24's Tasklist renders them (form-js) in a real headless Chromium:
 * a code is shown by its Chinese label in a read-only select, the due time as Chinese text, and
 * the link to the documents page carries the child and the case (templated from the task's
 * variables) and leads to the upload form with the type chosen; a ruling uploaded there lets the
 * task be completed, which was refused before. Screenshots go to
 * target/screenshots. Skipped when no Chromium is installed.
 */
@GuardianTest
class TaskFormsBrowserTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  HeadlessChromium chromium;
  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startBrowser() {
    chromium = HeadlessChromium.start(1280, 1000);
    browser = chromium.driver();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
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

  void signIn(String user) {
    browser.get(url("/login"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
  }

  /** Opens the (claimed) task in Tasklist and waits for its Camunda Form to be enabled. */
  WebElement openTask(Task task) {
    browser.get(url("/camunda/app/tasklist/default/#/?task=" + task.getId()));
    WebElement form = wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    return form;
  }

  Map<String, Object> caseVariables(long childId, String caseNumber) {
    Map<String, Object> vars = AreaVariables.of(TestChildren.VILLAGE_101201);
    vars.put("caseNumber", caseNumber);
    vars.put("childId", childId);
    vars.put("childLabel", "王*轩 8岁 东庄村");
    return vars;
  }

  long child() {
    Api.Response r = Api.as(rest, "director-101201")
        .post("/api/children", TestChildren.leftBehind(TestChildren.VILLAGE_101201));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  @Test
  void referralFormShowsTheDepartmentInChineseAndTheRulingFormLinksToTheUploadPage()
      throws Exception {
    long childId = child();
    String caseNumber = "GC-9995-" + ThreadLocalRandom.current().nextInt(100000, 999999);

    Map<String, Object> referral = caseVariables(childId, caseNumber);
    referral.put("department", "civil-affairs");
    referral.put("referralDueDays", 10);
    ProcessInstance sent = runtime.startProcessInstanceByKey("referral", caseNumber, referral);
    Task followUp = tasks.createTaskQuery().processInstanceId(sent.getId()).singleResult();

    tasks.claim(followUp.getId(), "csup-101");
    signIn("csup-101");
    WebElement form = openTask(followUp);
    wait.until(d -> form.getText().contains("民政部门（最低生活保障）"));
    assertThat(form.getText()).contains("转介部门", "民政部门（最低生活保障）", "年", "月")
        .doesNotContain("civil-affairs", "T0", "+0800");
    chromium.screenshot("tasklist-referral-department.png");

    Map<String, Object> intervention = caseVariables(childId, caseNumber);
    intervention.put("riskColour", "red");
    ProcessInstance pi = runtime.startProcessInstanceByKey(GuardianshipIntervention.KEY,
        caseNumber, intervention);
    Task choose = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    tasks.complete(choose.getId(), Map.of("measure", "protection-order",
        "measureReason", "监护人多次殴打儿童"));
    Task apply = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    tasks.complete(apply.getId(), Map.of("orderIssuer", "青溪县人民法院",
        "orderTerms", "禁止被申请人殴打、威胁儿童", "protectionUrgent", true));
    Task ruling = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(GuardianshipIntervention.TASK_PROTECTION_RULING).singleResult();

    tasks.claim(ruling.getId(), "legal");
    browser.manage().deleteAllCookies();
    signIn("legal");
    WebElement rulingForm = openTask(ruling);
    String link = "/children/" + childId + "/documents?case=" + caseNumber
        + "&type=COURT_DECISION";
    WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector(".fjs-form a[href*='/documents?case=']")));
    assertThat(upload.getDomAttribute("href")).isEqualTo(link);
    assertThat(rulingForm.getText()).contains("办理前须上传法院的裁定书", "上传或查看档案文件");
    chromium.screenshot("tasklist-ruling-upload-link.png");

    upload.click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file")));
    assertThat(browser.getCurrentUrl()).endsWith(link);
    assertThat(browser.findElement(By.cssSelector("#type option[selected]")).getText())
        .isEqualTo("法院裁定、判决");
    chromium.screenshot("documents-page.png");

    // the legal officer uploads the ruling on the page; then the task can be completed
    Path pdf = Files.createTempFile("ruling", ".pdf");
    Files.write(pdf, DocumentFixtures.PDF);
    assertThatThrownBy(() -> tasks.complete(ruling.getId(), Map.of("courtRuling", "refused",
        "decisionNumber", "(2026)鲁1330民保令3号")))
        .isInstanceOf(TaskCompletionRejected.class).hasMessageContaining("documents");
    browser.findElement(By.id("file")).sendKeys(pdf.toAbsolutePath().toString());
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice")));
    assertThat(browser.findElement(By.cssSelector("table.documents")).getText())
        .contains(pdf.getFileName().toString(), "法院裁定、判决", caseNumber);
    Files.delete(pdf);
    chromium.screenshot("documents-page-uploaded.png");
    tasks.complete(ruling.getId(), Map.of("courtRuling", "refused",
        "decisionNumber", "(2026)鲁1330民保令3号"));
    assertThat(tasks.createTaskQuery().taskId(ruling.getId()).count()).isZero();
  }
}

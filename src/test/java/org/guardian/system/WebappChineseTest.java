package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guardian.GuardianTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist, Cockpit, Admin and Welcome speak Simplified Chinese to a browser whose first language
 * is Chinese and English to the others: Guardian's locale files and config.js (under
 * src/main/resources/META-INF/resources/webjars/camunda/app) override the webjar's, and every label
 * of Camunda's English file is translated with the same placeholders and HTML.
 */
@GuardianTest
class WebappChineseTest {

  static final String WEBJAR = "META-INF/resources/webjars/camunda/app/";
  /** Placeholders, HTML entities and HTML tags that a translation must keep exactly. */
  static final Pattern TOKEN = Pattern.compile(
      "\\{\\{.*?\\}\\}|\\{\\d*\\}|%[sd]|&[a-zA-Z]+;|&#\\d+;|</?([a-zA-Z][a-zA-Z0-9]*)\\b[^<>]*>");
  /** Real HTML; "<null>", "<Operation>" etc. are shown as text and may be translated. */
  static final List<String> HTML_TAGS =
      List.of("a", "b", "br", "code", "div", "em", "i", "li", "p", "span", "strong", "ul", "ol");
  /** Labels that are the same in both languages: symbols, product names, technical values. */
  static final Pattern SAME_IN_BOTH = Pattern.compile(
      "^(\\s*|[<>=]+|<null>|<undefined>|null|Camunda|CSV|JSON|ID\\*?|Optimize|YYYY-MM-DDTHH:mm:ss)$");

  final ObjectMapper json = new ObjectMapper();
  final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishLabelHasAChineseTranslationWithTheSamePlaceholders(String app)
      throws Exception {
    signIn("demo");
    HttpResponse<String> served = get("/camunda/app/" + app + "/locales/zh.json");
    assertThat(served.statusCode()).isEqualTo(200);
    JsonNode chinese = json.readTree(served.body()).path("labels");
    JsonNode english = englishOfTheWebjar(app).path("labels");
    assertThat(english.size()).as("labels in the webjar's en.json").isGreaterThan(100);

    List<String> problems = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = english.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> label = it.next();
      String key = label.getKey();
      String en = label.getValue().asText();
      if (!chinese.has(key)) {
        problems.add(key + ": missing");
        continue;
      }
      String zh = chinese.get(key).asText();
      if (!tokens(en).equals(tokens(zh))) {
        problems.add(key + ": " + tokens(en) + " in English but " + tokens(zh));
      }
      if (en.chars().filter(c -> c == '\n').count() != zh.chars().filter(c -> c == '\n').count()) {
        problems.add(key + ": line breaks differ");
      }
      if (zh.equals(en) && en.matches("(?s).*[A-Za-z]{2}.*") && !SAME_IN_BOTH.matcher(en).matches()) {
        problems.add(key + ": not translated: " + en);
      }
      if (!en.isBlank() && zh.isBlank() && !en.equals("s")) { // "s": English plural ending
        problems.add(key + ": empty");
      }
    }
    chinese.fieldNames().forEachRemaining(key -> {
      if (!english.has(key)) {
        problems.add(key + ": not a label of Camunda's en.json");
      }
    });
    assertThat(problems).as(app + " zh.json against the webjar's en.json").isEmpty();
    assertThat(chinese.path("PROCESS_INSTANCE").asText()).isEqualTo("流程实例");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void datesAreWrittenInChinese(String app) throws Exception {
    signIn("demo");
    JsonNode dates = json.readTree(get("/camunda/app/" + app + "/locales/zh.json").body())
        .path("dateLocales");
    JsonNode english = englishOfTheWebjar(app).path("dateLocales");
    assertThat(fieldNames(dates)).isEqualTo(fieldNames(english));
    assertThat(dates.path("months").get(0).asText()).isEqualTo("一月");
    assertThat(dates.path("months")).hasSize(12);
    assertThat(dates.path("weekdays").get(1).asText()).isEqualTo("星期一");
    assertThat(dates.path("longDateFormat").path("LL").asText()).isEqualTo("YYYY年M月D日");
    assertThat(dates.path("relativeTime").path("past").asText()).isEqualTo("%s前");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theBrowsersLanguageChoosesChineseOrEnglish(String app) throws Exception {
    signIn("csup-101");
    HttpResponse<String> config = get("/camunda/app/" + app + "/scripts/config.js");
    assertThat(config.statusCode()).isEqualTo(200);
    List<String> available = availableLocales(config.body());
    assertThat(available).containsExactly("zh", "en");
    assertThat(config.body()).containsPattern("fallbackLocale:\\s*'en'")
        .contains("customScripts: ['../guardian/locale']", "ngDeps: ['guardian.locale']");

    // Camunda 7.24 matches the part of the browser's first language before "-" against the list
    String bootstrap = get("/camunda/app/" + app + "/camunda-" + app + "-bootstrap.js").body();
    int choice = bootstrap.indexOf("determinePreferredLanguage(");
    assertThat(choice).as("the webapp chooses the language in its bootstrap").isPositive();
    assertThat(bootstrap.substring(choice, choice + 400))
        .as("the rule config.js relies on (re-check availableLocales if Camunda changes it)")
        .contains("languages", ".split(\"-\")", "toLowerCase()");
    assertThat(chosen(available, "zh-CN")).isEqualTo("zh");
    assertThat(chosen(available, "zh")).isEqualTo("zh");
    assertThat(chosen(available, "en-US")).isEqualTo("en");
    assertThat(chosen(available, "de-DE")).isEqualTo("en");
    for (String locale : available) {
      HttpResponse<String> file = get("/camunda/app/" + app + "/locales/" + locale + ".json");
      assertThat(file.statusCode()).as(locale + ".json").isEqualTo(200);
    }
    assertThat(get("/camunda/app/guardian/locale.js").body())
        .contains("module('guardian.locale'", "amMoment.changeLocale", "documentElement.lang");
  }

  @Test
  void tasklistKeepsItsKeyboardShortcutsWithChineseDescriptions() throws Exception {
    signIn("csup-101");
    String config = get("/camunda/app/tasklist/scripts/config.js").body();
    assertThat(config).contains("key: 'ctrl+alt+c'", "description: '认领当前选中的任务'",
        "key: 'ctrl+alt+p'", "description: '打开“启动流程”对话框'");
  }

  /** The language Camunda's bootstrap picks for a browser language (see the test above). */
  static String chosen(List<String> available, String browserLanguage) {
    String prefix = browserLanguage.split("-")[0].toLowerCase();
    return available.contains(prefix) ? prefix : "en";
  }

  static List<String> availableLocales(String config) {
    Matcher m = Pattern.compile("availableLocales:\\s*\\[([^\\]]*)\\]").matcher(config);
    assertThat(m.find()).as("availableLocales in config.js").isTrue();
    return Arrays.stream(m.group(1).split(",")).map(s -> s.trim().replace("'", ""))
        .filter(s -> !s.isEmpty()).toList();
  }

  static List<String> tokens(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      if (m.group(1) == null || HTML_TAGS.contains(m.group(1).toLowerCase())) {
        found.add(m.group());
      }
    }
    found.sort(null);
    return found;
  }

  static Map<String, Integer> fieldNames(JsonNode node) {
    Map<String, Integer> names = new TreeMap<>();
    node.fields().forEachRemaining(f -> names.put(f.getKey(), f.getValue().size()));
    return names;
  }

  JsonNode englishOfTheWebjar(String app) throws IOException {
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream(WEBJAR + app + "/locales/en.json")) {
      assertThat(in).as("en.json of the Camunda webjar on the classpath").isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  HttpResponse<String> get(String path) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  void signIn(String user) throws Exception {
    HttpResponse<String> page = get("/login");
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(csrf.find()).as("CSRF token on the login form").isTrue();
    HttpResponse<String> result = browser.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                + URLEncoder.encode("demo", StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
            .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(result.statusCode()).isEqualTo(302);
    assertThat(result.headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).doesNotContain("error"));
  }
}

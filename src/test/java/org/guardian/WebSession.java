package org.guardian;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like session: signs in on the login page (with its CSRF token) and keeps the cookie. */
public final class WebSession {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();

  private WebSession(int port) {
    this.port = port;
  }

  public static WebSession signedIn(int port, String user) {
    WebSession s = new WebSession(port);
    String token = csrfToken(s.get("/login").body());
    HttpResponse<String> result = s.send(HttpRequest.newBuilder(s.uri("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf="
            + URLEncoder.encode(token, StandardCharsets.UTF_8))).build());
    assertThat(result.statusCode()).isEqualTo(302);
    assertThat(result.headers().firstValue("Location").orElse("")).doesNotContain("error");
    return s;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path))
        .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8").GET().build());
  }

  /** GETs with the given Accept header (a browser sends text/html first). */
  public HttpResponse<String> get(String path, String accept) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build());
  }

  public HttpResponse<String> request(String method, String path) {
    return send(HttpRequest.newBuilder(uri(path)).method(method,
        HttpRequest.BodyPublishers.noBody()).build());
  }

  /** GETs a JSON answer, asserting the status. */
  public JsonNode json(String path, int status) {
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path))
        .header("Accept", "application/json").GET().build());
    assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(status);
    try {
      return JSON.readTree(r.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  /** GETs the raw bytes of a download. */
  public HttpResponse<byte[]> download(String path) {
    try {
      return client.send(HttpRequest.newBuilder(uri(path)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The CSRF token of the first form on the page. */
  public static String csrfToken(String page) {
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(csrf.find()).as("CSRF token on the form").isTrue();
    return csrf.group(1);
  }

  /**
   * POSTs a multipart form as a browser does: text fields, then one file (omitted when content is
   * null).
   */
  public HttpResponse<String> postMultipart(String path, Map<String, String> fields,
      String fileField, String fileName, String contentType, byte[] content) {
    String boundary = "----guardian" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: "
        + "form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n")
        .getBytes(StandardCharsets.UTF_8)));
    if (content != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
          + fileField + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + contentType
          + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }

  /** A request with the given Accept header (and no body). */
  public HttpResponse<String> request(String method, String path, String accept) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).method(method,
        HttpRequest.BodyPublishers.noBody()).build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

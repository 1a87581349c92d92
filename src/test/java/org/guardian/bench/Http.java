package org.guardian.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small JSON client of one Guardian node, HTTP Basic as a demo person (password demo). */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .version(HttpClient.Version.HTTP_1_1).build();
  final String base;

  Http(String base) {
    this.base = base;
  }

  record Response(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }
  }

  Response get(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Response post(String user, String path, Object body) {
    try {
      String payload = body instanceof String s ? s : JSON.writeValueAsString(body);
      return send(user, HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(payload)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Response send(String user, HttpRequest.Builder request) {
    request.timeout(TIMEOUT).header("Accept", "application/json");
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<String> r = client.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new IllegalStateException("HTTP " + base + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A browser-like session (form login with the CSRF token) for the pages outside /api. */
  static final class Browser {
    private final HttpClient client;
    private final String base;

    Browser(String base, String user) {
      this.base = base;
      this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
      String page = get("/login").body();
      int at = page.indexOf("name=\"_csrf\"");
      String token = null;
      if (at >= 0) {
        int v = page.indexOf("value=\"", at);
        if (v < 0 || v > at + 200) {
          v = page.lastIndexOf("value=\"", at);
        }
        token = page.substring(v + 7, page.indexOf('"', v + 7));
      }
      String form = "username=" + enc(user) + "&password=demo"
          + (token == null ? "" : "&_csrf=" + enc(token));
      HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build());
      String location = r.headers().firstValue("Location").orElse("");
      if (r.statusCode() != 302 || location.contains("error")) {
        throw new IllegalStateException("login of " + user + " failed: " + r.statusCode() + " "
            + location);
      }
    }

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException("HTTP " + base + ": " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }

    private static String enc(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
  }
}

package org.guardian.system;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw HTTP for the bad-input harness and the access matrix: any method, any body bytes, any
 * content type, as a demo person by HTTP Basic ({@code /api}, {@code /engine-rest}) or by a signed-in
 * session (pages, webapps). Never follows redirects.
 */
public final class HttpProbe {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  /** One answer: status, content type, body. */
  public record Answer(int status, String contentType, String body) {
    public boolean isProblem() {
      return contentType != null && contentType.startsWith("application/problem+json");
    }

    @Override
    public String toString() {
      String b = body == null ? "" : body;
      return status + " " + contentType + " " + (b.length() > 300 ? b.substring(0, 300) + "…" : b);
    }
  }

  private final int port;
  private final String user;
  private final boolean session;
  private final HttpClient client;

  private HttpProbe(int port, String user, boolean session) {
    this.port = port;
    this.user = user;
    this.session = session;
    this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** HTTP Basic as the person (password demo), or anonymous when {@code user} is null. */
  public static HttpProbe basic(int port, String user) {
    return new HttpProbe(port, user, false);
  }

  /** Signed in through the login page (a session cookie), as the webapps and pages are used. */
  public static HttpProbe signedIn(int port, String user) {
    HttpProbe p = new HttpProbe(port, user, true);
    String token = p.csrf("/login");
    Answer login = p.send("POST", "/login", "application/x-www-form-urlencoded",
        form(Map.of("username", user, "password", "demo", "_csrf", token)), Map.of());
    if (login.status() != 302) {
      throw new IllegalStateException("login of " + user + " failed: " + login);
    }
    return p;
  }

  /** An anonymous browser session (cookies kept), for the public pages. */
  public static HttpProbe browser(int port) {
    return new HttpProbe(port, null, true);
  }

  /** The CSRF token of a page's form. */
  String csrf(String page) {
    Answer a = send("GET", page, null, null, Map.of());
    Matcher m = CSRF.matcher(a.body());
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on " + page + ": " + a);
    }
    return m.group(1);
  }

  public Answer get(String path) {
    return send("GET", path, null, null, Map.of());
  }

  public Answer send(String method, String path, String contentType, byte[] body,
      Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json, application/problem+json, text/html;q=0.9, */*;q=0.8")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (user != null && !session) {
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = client.send(b.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
          r.body());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path, e);
    }
  }

  static byte[] form(Map<String, String> fields) {
    StringBuilder s = new StringBuilder();
    fields.forEach((k, v) -> s.append(s.isEmpty() ? "" : "&").append(enc(k)).append('=')
        .append(enc(v)));
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A multipart/form-data body: text fields, then files (name → file name and bytes). */
  record Multipart(String contentType, byte[] body) {
    static Multipart of(Map<String, String> fields, List<FilePart> files) {
      String boundary = "----guardian-harness-" + System.nanoTime();
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      try {
        for (Map.Entry<String, String> f : fields.entrySet()) {
          out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
              + "\"\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (FilePart f : files) {
          out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.part()
              + "\"; filename=\"" + f.fileName() + "\"\r\nContent-Type: " + f.contentType()
              + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
          out.write(f.content());
          out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }
  }

  record FilePart(String part, String fileName, String contentType, byte[] content) {}
}

package org.guardian;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls Guardian's HTTP API as a demo person (password {@code demo}) and reads JSON answers. */
public final class Api {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate rest;
  private final String user;
  private final String password;

  private Api(TestRestTemplate rest, String user, String password) {
    this.rest = rest;
    this.user = user;
    this.password = password;
  }

  public static Api as(TestRestTemplate rest, String user) {
    return new Api(rest, user, "demo");
  }

  public static Api as(TestRestTemplate rest, String user, String password) {
    return new Api(rest, user, password);
  }

  public static Api anonymous(TestRestTemplate rest) {
    return new Api(rest, null, null);
  }

  public Response get(String path) {
    return exchange(HttpMethod.GET, path, null);
  }

  public Response post(String path, Object body) {
    return exchange(HttpMethod.POST, path, body);
  }

  public Response put(String path, Object body) {
    return exchange(HttpMethod.PUT, path, body);
  }

  public Response exchange(HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON,
        MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL));
    if (user != null) {
      headers.setBasicAuth(user, password, java.nio.charset.StandardCharsets.UTF_8);
    }
    String payload;
    try {
      payload = body == null ? null
          : body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
    ResponseEntity<String> response =
        rest.exchange(path, method, new HttpEntity<>(payload, headers), String.class);
    return new Response(response);
  }

  /** An answer: status, headers and body as JSON. */
  public record Response(ResponseEntity<String> entity) {
    public int status() {
      return entity.getStatusCode().value();
    }

    public String text() {
      return entity.getBody();
    }

    public JsonNode json() {
      try {
        return entity.getBody() == null ? JSON.nullNode() : JSON.readTree(entity.getBody());
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + entity.getBody(), e);
      }
    }

    public HttpHeaders headers() {
      return entity.getHeaders();
    }

    /** The fields named by the {@code errors} list of a problem body. */
    public java.util.List<String> errorFields() {
      java.util.List<String> fields = new java.util.ArrayList<>();
      json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
      return fields;
    }

    @Override
    public String toString() {
      return status() + " " + entity.getBody();
    }
  }
}

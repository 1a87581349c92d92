package org.guardian.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Deploys the repository's models ({@code bpmn/} and {@code forms/}) to a running Guardian through
 * {@code POST /api/policy/deployments}, after the build's tests have passed:
 *
 * <pre>
 * mvn -Pdeploy-models verify -Dguardian.url=http://host:8080 -Dguardian.user=policy \
 *     -Dguardian.password=...
 * </pre>
 *
 * The {@code deploy-models} profile runs this in the {@code verify} phase, so the whole test suite
 * (H2 and PostgreSQL) runs first and a failing test stops the deployment; it refuses to run when
 * the tests were skipped. Prints what was deployed, or every finding of a refusal, and fails the
 * build when the server refuses. Properties: {@code guardian.url} (default {@code
 * http://localhost:8080}), {@code guardian.user}, {@code guardian.password}, {@code
 * guardian.models} (folders, default {@code bpmn,forms}), {@code guardian.deployment-name}
 * (default {@code guardian-models}), {@code guardian.validate-only} ({@code true}: check only).
 */
public final class DeployModels {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DeployModels() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (Boolean.parseBoolean(System.getProperty("guardian.tests-skipped", "false"))) {
      throw new IllegalStateException("deploy-models runs only after the tests have passed: "
          + "do not combine it with -DskipTests or -Dmaven.test.skip");
    }
    String user = required("guardian.user");
    String password = required("guardian.password");
    URI base = URI.create(System.getProperty("guardian.url", "http://localhost:8080"));
    List<Path> folders = new ArrayList<>();
    for (String folder : System.getProperty("guardian.models", "bpmn,forms").split(",")) {
      folders.add(Path.of(folder.trim()));
    }
    String name = System.getProperty("guardian.deployment-name", PolicyDeployments.DEFAULT_NAME);
    boolean validateOnly = Boolean.parseBoolean(
        System.getProperty("guardian.validate-only", "false"));
    int status = run(base, user, password, folders, name, validateOnly, System.out);
    if (status >= 300) {
      throw new IllegalStateException("Guardian refused the models (HTTP " + status + ")");
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("set -D" + property);
    }
    return value;
  }

  /** Uploads every file of the folders; prints the answer; returns the HTTP status. */
  static int run(URI base, String user, String password, List<Path> folders, String name,
      boolean validateOnly, PrintStream out) throws IOException, InterruptedException {
    List<Path> files = new ArrayList<>();
    for (Path folder : folders) {
      try (Stream<Path> walk = Files.walk(folder)) {
        walk.filter(Files::isRegularFile).sorted().forEach(files::add);
      }
    }
    if (files.isEmpty()) {
      out.println("no model files in " + folders);
      return 400;
    }
    String boundary = "guardian-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Path file : files) {
      String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; "
          + "filename=\"" + file.getFileName() + "\"\r\nContent-Type: application/octet-stream"
          + "\r\n\r\n";
      body.write(header.getBytes(StandardCharsets.UTF_8));
      body.write(Files.readAllBytes(file));
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    URI uri = base.resolve("/api/policy/deployments?name="
        + URLEncoder.encode(name, StandardCharsets.UTF_8)
        + (validateOnly ? "&validateOnly=true" : ""));
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofMinutes(5))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Accept", "application/json, application/problem+json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request,
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    out.println("POST " + uri + " (" + files.size() + " files) -> HTTP " + response.statusCode());
    JsonNode json;
    try {
      json = JSON.readTree(response.body());
    } catch (IOException e) {
      out.println(response.body());
      return response.statusCode();
    }
    if (response.statusCode() == 422) {
      out.println(json.path("title").asText() + ": " + json.path("detail").asText());
      printFindings(json.path("findings"), out);
    } else if (response.statusCode() >= 300) {
      out.println(json.path("title").asText() + ": " + json.path("detail").asText());
      json.path("errors").forEach(e -> out.println("  " + e.path("field").asText() + ": "
          + e.path("message").asText()));
    } else if (validateOnly) {
      out.println("models pass the checks (nothing deployed)");
      printFindings(json.path("findings"), out);
    } else if (!json.path("changed").asBoolean()) {
      out.println("nothing changed since the last deployment named " + name
          + ": nothing deployed");
    } else {
      out.println("deployed " + json.path("deploymentId").asText() + " (" + name + "):");
      json.path("definitions").forEach(d -> out.println("  " + d.path("type").asText() + " "
          + d.path("key").asText() + " version " + d.path("version").asText()));
      printFindings(json.path("warnings"), out);
    }
    return response.statusCode();
  }

  private static void printFindings(JsonNode findings, PrintStream out) {
    findings.forEach(f -> out.println("  " + ("ERROR".equals(f.path("severity").asText())
        ? "ERROR  " : "WARNING") + " " + f.path("file").asText()
        + (f.path("elementId").isTextual() ? " / " + f.path("elementId").asText() : "")
        + " [" + f.path("rule").asText() + "] " + f.path("message").asText()));
  }
}

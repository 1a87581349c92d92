package org.guardian.policy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guardian.Api;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Multipart uploads of models as a demo person: Guardian's API and the engine REST API. */
public final class PolicyApi {

  private PolicyApi() {}

  /** A deployment name no other test uses, so that every upload makes new versions. */
  public static String uniqueName() {
    return "policy-test-" + UUID.randomUUID();
  }

  /** The version of a definition in the answer to a deployment. */
  public static int version(com.fasterxml.jackson.databind.JsonNode result, String key) {
    for (com.fasterxml.jackson.databind.JsonNode d : result.path("definitions")) {
      if (d.path("key").asText().equals(key)) {
        return d.path("version").asInt();
      }
    }
    throw new AssertionError("no " + key + " in " + result);
  }

  /** Every file of the repository's {@code bpmn/} and {@code forms/}, as one upload. */
  public static List<ModelFile> repositoryModels() {
    List<ModelFile> files = new java.util.ArrayList<>();
    for (String folder : List.of("bpmn", "forms")) {
      files.addAll(Fixtures.files(java.nio.file.Path.of(folder)));
    }
    return files;
  }

  /**
   * Deploys the repository's models again as the policy team, so that they are the latest
   * versions for the tests that follow a test which deployed a revision.
   */
  public static void restoreRepositoryModels(TestRestTemplate rest) {
    Api.Response restored = deploy(rest, "policy", uniqueName(), repositoryModels());
    if (restored.status() != 201) {
      throw new AssertionError("repository models not restored: " + restored);
    }
  }

  /** {@code POST /api/policy/deployments} with the files as parts named {@code files}. */
  public static Api.Response deploy(TestRestTemplate rest, String user, String name,
      List<ModelFile> files) {
    return deploy(rest, user, "/api/policy/deployments" + (name == null ? "" : "?name=" + name),
        files, "files", Map.of());
  }

  /** Camunda Modeler's deploy: {@code POST /engine-rest/deployment/create}. */
  public static Api.Response deployThroughEngineRest(TestRestTemplate rest, String user, String name,
      List<ModelFile> files) {
    return deploy(rest, user, "/engine-rest/deployment/create", files, null,
        Map.of("deployment-name", name, "deployment-source", "Camunda Modeler",
            "enable-duplicate-filtering", "true"));
  }

  private static Api.Response deploy(TestRestTemplate rest, String user, String path,
      List<ModelFile> files, String partName, Map<String, String> fields) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    fields.forEach(body::add);
    for (ModelFile f : files) {
      HttpHeaders partHeaders = new HttpHeaders();
      partHeaders.setContentType(MediaType.APPLICATION_OCTET_STREAM);
      body.add(partName == null ? f.name() : partName,
          new HttpEntity<>(new ByteArrayResource(f.content()) {
            @Override
            public String getFilename() {
              return f.name();
            }
          }, partHeaders));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    headers.setBasicAuth(user, "demo", StandardCharsets.UTF_8);
    return new Api.Response(rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class));
  }
}

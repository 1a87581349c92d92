package org.guardian.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.guardian.GuardianTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The repository's own models pass the checks a policy team's upload must pass: every file of
 * {@code bpmn/} and {@code forms/}, as one upload, against the running engine (so decision tables
 * are compared with the versions in use). This keeps every process of the chain honest as it is
 * added. And the build's deploy command uploads a folder and reports the answer.
 */
@GuardianTest
class RepositoryModelsTest {

  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired ApplicationContext context;
  @Autowired RepositoryService repository;
  @LocalServerPort int port;

  static List<ModelFile> repositoryModels() throws IOException {
    List<ModelFile> files = new ArrayList<>();
    for (String folder : List.of("bpmn", "forms")) {
      try (var walk = Files.walk(Path.of(folder))) {
        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
          files.add(new ModelFile(p.getFileName().toString(), Files.readAllBytes(p)));
        }
      }
    }
    return files;
  }

  @Test
  void everyModelInBpmnAndFormsPassesTheChecks() throws IOException {
    List<ModelFile> files = repositoryModels();
    assertThat(files).extracting(ModelFile::name).contains("child-file-review.bpmn",
        "review-child-file.form");
    ModelValidator validator = new ModelValidator(new EngineDeployedModels(() -> engine),
        context::containsBean);

    List<Finding> findings = validator.validate(files);

    findings.stream().filter(f -> !f.isError()).forEach(f -> System.out.println("warning: " + f));
    assertThat(findings.stream().filter(Finding::isError).toList())
        .as(() -> findings.stream().map(Finding::toString).collect(Collectors.joining("\n")))
        .isEmpty();
  }

  @Test
  void everyModelInBpmnAndFormsIsCompleteInItself() throws IOException {
    List<Finding> findings = new ModelValidator(DeployedModels.NONE, name -> true)
        .validate(repositoryModels());

    assertThat(findings.stream().filter(Finding::isError).toList())
        .as(() -> findings.stream().map(Finding::toString).collect(Collectors.joining("\n")))
        .isEmpty();
  }

  @Test
  void theDeployCommandUploadsAFolderAndReportsWhatWasDeployed() throws Exception {
    String name = PolicyApi.uniqueName();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    int status = DeployModels.run(URI.create("http://localhost:" + port), "policy", "demo",
        List.of(Fixtures.ROOT.resolve("v1")), name, false,
        new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(201);
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("deployed",
        "process policy-test-case version", "form policy-test-register");
    assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isEqualTo(1);
  }

  @Test
  void theDeployCommandPrintsEveryFindingOfARefusal(@TempDir Path dir) throws Exception {
    for (ModelFile f : Fixtures.without(Fixtures.folder("v1"), "policy-test-review.form")) {
      Files.write(dir.resolve(f.name()), f.content());
    }
    String name = PolicyApi.uniqueName();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    int status = DeployModels.run(URI.create("http://localhost:" + port), "policy", "demo",
        List.of(dir), name, false, new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(422);
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("ERROR",
        "policy-test-case.bpmn / Task_ReviewCase [form-missing]", "policy-test-review");
    assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
  }
}

package org.guardian.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceManager;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.camunda.bpm.engine.impl.xml.ProblemImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.guardian.audit.AuditAction;
import org.guardian.audit.AuditLog;
import org.guardian.common.EngineInterceptors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same checks for deployments that reach the engine from outside Guardian's API: Camunda
 * Modeler's deploy button ({@code POST /engine-rest/deployment/create}) or any other engine REST
 * client. A command interceptor sees every {@link DeployCmd} made under an engine authentication
 * (a signed-in person) and runs the {@link ModelValidator} on its resources; a refused deployment
 * fails with a {@link ParseException} whose report lists the findings per file, which the engine
 * REST API answers with 400 and which Modeler shows. Deployments made by Guardian's own code run
 * without an engine authentication and are not checked here: the auto-deployment of {@code bpmn/}
 * and {@code forms/} is kept honest by the build's tests, and {@code /api/policy/deployments}
 * validates before it deploys.
 */
final class ModelerDeploymentGuard extends CommandInterceptor {

  private static final Logger log = LoggerFactory.getLogger(ModelerDeploymentGuard.class);

  private final Supplier<ModelValidator> validator;
  private final Supplier<AuditLog> audit;

  ModelerDeploymentGuard(Supplier<ModelValidator> validator, Supplier<AuditLog> audit) {
    this.validator = validator;
    this.audit = audit;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof DeployCmd deploy) {
      CommandContext context = Context.getCommandContext();
      String user = context == null ? null : context.getAuthenticatedUserId();
      if (user != null) {
        DeploymentBuilderImpl builder =
            (DeploymentBuilderImpl) EngineInterceptors.commandField(deploy, "deploymentBuilder");
        List<ModelFile> files = context.runWithoutAuthorization(() -> resources(builder, context));
        List<Finding> findings = validator.get().validate(files);
        String names = files.stream().map(ModelFile::name).collect(Collectors.joining(","));
        if (!ModelValidator.passes(findings)) {
          long errors = findings.stream().filter(Finding::isError).count();
          log.info("engine deployment by {} refused: {} findings", user, errors);
          audit.get().recordSeparately(AuditAction.POLICY_DEPLOYMENT_REFUSED, null, null,
              PolicyMigration.cut("via=engine-rest; errors=" + errors + "; files=" + names, 1000));
          throw new Refused(findings);
        }
        // deployments through the engine REST API (Camunda Modeler) are audited like those
        // through /api/policy/deployments, in the deployment's own transaction
        T result = next.execute(command);
        audit.get().record(AuditAction.POLICY_DEPLOYED, null, null, PolicyMigration.cut(
            "via=engine-rest; deployment=" + (result instanceof Deployment d ? d.getId() : "?")
                + "; files=" + names, 1000));
        return result;
      }
    }
    return next.execute(command);
  }

  /** The resources the deployment will hold: the uploaded ones and those taken from others. */
  private static List<ModelFile> resources(DeploymentBuilderImpl builder, CommandContext context) {
    Map<String, ModelFile> files = new LinkedHashMap<>();
    if (builder.getDeployment().getResources() != null) {
      for (ResourceEntity r : builder.getDeployment().getResources().values()) {
        files.put(r.getName(), new ModelFile(r.getName(), r.getBytes()));
      }
    }
    ResourceManager resources = context.getResourceManager();
    for (String deploymentId : builder.getDeployments()) {
      for (ResourceEntity r : resources.findResourcesByDeploymentId(deploymentId)) {
        files.putIfAbsent(r.getName(), new ModelFile(r.getName(), r.getBytes()));
      }
    }
    for (Map.Entry<String, Set<String>> e : builder.getDeploymentResourcesById().entrySet()) {
      for (ResourceEntity r : resources.findResourceByDeploymentIdAndResourceIds(
          e.getKey(), e.getValue().toArray(String[]::new))) {
        files.putIfAbsent(r.getName(), new ModelFile(r.getName(), r.getBytes()));
      }
    }
    for (Map.Entry<String, Set<String>> e : builder.getDeploymentResourcesByName().entrySet()) {
      for (ResourceEntity r : resources.findResourceByDeploymentIdAndResourceNames(
          e.getKey(), e.getValue().toArray(String[]::new))) {
        files.putIfAbsent(r.getName(), new ModelFile(r.getName(), r.getBytes()));
      }
    }
    return new ArrayList<>(files.values());
  }

  /** The engine's parse exception, with one report per file, so that REST clients see them. */
  static final class Refused extends ParseException {

    private final transient List<Finding> findings;

    Refused(List<Finding> findings) {
      super(message(findings), "", List.of(), List.of());
      this.findings = List.copyOf(findings);
      Map<String, List<Finding>> byFile = findings.stream()
          .collect(Collectors.groupingBy(Finding::file, LinkedHashMap::new, Collectors.toList()));
      List<ResourceReport> reports = new ArrayList<>();
      byFile.forEach((file, list) -> reports.add(new ResourceReportImpl(file,
          problems(list.stream().filter(Finding::isError).toList()),
          problems(list.stream().filter(f -> !f.isError()).toList()))));
      this.resorceReports = reports;
    }

    List<Finding> findings() {
      return findings;
    }

    private static List<Problem> problems(List<Finding> findings) {
      List<Problem> out = new ArrayList<>();
      for (Finding f : findings) {
        out.add(new ProblemImpl(new BpmnParseException("[" + f.rule() + "] " + f.message(), null),
            f.elementId()));
      }
      return out;
    }

    private static String message(List<Finding> findings) {
      List<Finding> errors = findings.stream().filter(Finding::isError).toList();
      return "Guardian 模型检查未通过，未部署：" + errors.size() + " 个问题（见 docs/policy-guide.md）：\n"
          + errors.stream().map(Finding::toString).collect(Collectors.joining("\n"));
    }
  }
}

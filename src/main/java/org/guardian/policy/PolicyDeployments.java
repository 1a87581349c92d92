package org.guardian.policy;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.guardian.audit.AuditAction;
import org.guardian.audit.AuditLog;
import org.guardian.common.FieldProblem;
import org.guardian.common.ForbiddenException;
import org.guardian.common.InvalidInputException;
import org.guardian.common.NotFoundException;
import org.guardian.people.CurrentUser;
import org.guardian.people.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deploys revised models for a policy team: validates the whole upload first and refuses it with
 * every finding (nothing deployed), otherwise deploys it as one Camunda deployment (source {@code
 * guardian-policy}, duplicate filtering on: an unchanged upload deploys nothing) and audits it.
 * Only the policy team and administrators may deploy.
 */
@Service
public class PolicyDeployments {

  /** The deployment source of deployments made through Guardian. */
  public static final String SOURCE = "guardian-policy";
  /** The deployment name when the upload names none; duplicate filtering compares by name. */
  public static final String DEFAULT_NAME = "guardian-models";

  private final RepositoryService repository;
  private final ProcessEngineConfigurationImpl engine;
  private final AuditLog audit;
  private final ModelValidator validator;

  PolicyDeployments(RepositoryService repository, ProcessEngineConfigurationImpl engine,
      AuditLog audit, ApplicationContext context) {
    this.repository = repository;
    this.engine = engine;
    this.audit = audit;
    this.validator = new ModelValidator(new EngineDeployedModels(() -> engine),
        context::containsBean);
  }

  /** A definition the deployment created. */
  public record Definition(String type, String key, int version, String id, String resource) {}

  /** The answer to a deployment: what was deployed, and the warnings of the check. */
  public record Result(String deploymentId, String name, String source, Instant deployedAt,
      boolean changed, List<Definition> definitions, List<Finding> warnings) {}

  /** Only the policy team and administrators change models. */
  static CurrentUser requirePolicyRole(String action) {
    CurrentUser user = CurrentUser.get();
    if (!user.hasAnyRole(Role.POLICY_TEAM, Role.ADMIN)) {
      throw new ForbiddenException("只有政策制定组和系统管理员可以" + action);
    }
    return user;
  }

  /** Checks an upload without deploying it; refuses with the findings when one is an error. */
  @Transactional(readOnly = true)
  public List<Finding> check(List<ModelFile> files) {
    requirePolicyRole("检查模型");
    requireFiles(files);
    List<Finding> findings = validator.validate(files);
    if (!ModelValidator.passes(findings)) {
      throw new ModelsRefused(findings);
    }
    return findings;
  }

  /** Validates and deploys an upload (all files in one deployment), audited. */
  @Transactional
  public Result deploy(String name, List<ModelFile> files) {
    requirePolicyRole("部署模型");
    requireFiles(files);
    String deploymentName = name == null || name.isBlank() ? DEFAULT_NAME : name.trim();
    List<Finding> findings = validator.validate(files);
    String names = files.stream().map(ModelFile::name).collect(Collectors.joining(","));
    if (!ModelValidator.passes(findings)) {
      audit.recordSeparately(AuditAction.POLICY_DEPLOYMENT_REFUSED, null, null,
          "files=" + names + "; errors=" + findings.stream().filter(Finding::isError).count()
              + "; rules=" + findings.stream().filter(Finding::isError).map(Finding::rule)
                  .distinct().collect(Collectors.joining(",")));
      throw new ModelsRefused(findings);
    }
    DeploymentBuilder builder = repository.createDeployment().name(deploymentName).source(SOURCE)
        .enableDuplicateFiltering(false);
    for (ModelFile f : files) {
      builder.addInputStream(f.name(), new ByteArrayInputStream(f.content()));
    }
    DeploymentWithDefinitions deployment;
    try {
      deployment = builder.deployWithResult();
    } catch (ParseException e) {
      List<Finding> engineFindings = fromEngine(e);
      audit.recordSeparately(AuditAction.POLICY_DEPLOYMENT_REFUSED, null, null,
          "files=" + names + "; engine parse errors=" + engineFindings.size());
      throw new ModelsRefused(engineFindings);
    }
    List<Definition> definitions = definitions(deployment);
    boolean changed = !definitions.isEmpty();
    audit.record(AuditAction.POLICY_DEPLOYED, null, null, "deployment=" + deployment.getId()
        + "; name=" + deploymentName + "; files=" + names + "; definitions="
        + (changed ? definitions.stream().map(d -> d.key() + ":" + d.version())
            .collect(Collectors.joining(",")) : "unchanged"));
    return new Result(deployment.getId(), deployment.getName(), deployment.getSource(),
        deployment.getDeploymentTime() == null ? null : deployment.getDeploymentTime().toInstant(),
        changed, definitions, findings);
  }

  /** A deployment made earlier, with its definitions. */
  @Transactional(readOnly = true)
  public Result get(String deploymentId) {
    requirePolicyRole("查看部署");
    Deployment d = repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
    if (d == null) {
      throw new NotFoundException("部署不存在");
    }
    List<Definition> out = new ArrayList<>();
    repository.createProcessDefinitionQuery().deploymentId(deploymentId).list().forEach(p ->
        out.add(new Definition("process", p.getKey(), p.getVersion(), p.getId(),
            p.getResourceName())));
    repository.createDecisionDefinitionQuery().deploymentId(deploymentId).list().forEach(p ->
        out.add(new Definition("decision", p.getKey(), p.getVersion(), p.getId(),
            p.getResourceName())));
    out.addAll(forms(deploymentId));
    return new Result(d.getId(), d.getName(), d.getSource(),
        d.getDeploymentTime() == null ? null : d.getDeploymentTime().toInstant(), !out.isEmpty(),
        out, List.of());
  }

  private List<Definition> definitions(DeploymentWithDefinitions d) {
    List<Definition> out = new ArrayList<>();
    if (d.getDeployedProcessDefinitions() != null) {
      d.getDeployedProcessDefinitions().forEach(p -> out.add(new Definition("process", p.getKey(),
          p.getVersion(), p.getId(), p.getResourceName())));
    }
    if (d.getDeployedDecisionDefinitions() != null) {
      d.getDeployedDecisionDefinitions().forEach(p -> out.add(new Definition("decision", p.getKey(),
          p.getVersion(), p.getId(), p.getResourceName())));
    }
    if (!out.isEmpty()) {
      out.addAll(forms(d.getId()));
    }
    out.sort(Comparator.comparing(Definition::type).thenComparing(Definition::key));
    return out;
  }

  /** The Camunda Forms of a deployment (the engine has no public query for them). */
  private List<Definition> forms(String deploymentId) {
    List<CamundaFormDefinitionEntity> forms = engine.getCommandExecutorTxRequired().execute(
        context -> context.getCamundaFormDefinitionManager().findDefinitionsByDeploymentId(
            deploymentId));
    return forms.stream().map(f -> new Definition("form", f.getKey(), f.getVersion(), f.getId(),
        f.getResourceName())).toList();
  }

  private static void requireFiles(List<ModelFile> files) {
    if (files == null || files.isEmpty()) {
      throw new InvalidInputException(List.of(new FieldProblem("files",
          "至少上传一个 .bpmn、.dmn 或 .form 文件")));
    }
  }

  /** The engine's own parse problems as findings (rule {@code engine-parse}). */
  static List<Finding> fromEngine(ParseException e) {
    List<Finding> out = new ArrayList<>();
    for (ResourceReport report : e.getResorceReports()) {
      for (Problem p : report.getErrors()) {
        out.add(Finding.error(report.getResourceName(), p.getMainElementId(), "engine-parse",
            "引擎无法解析：" + p.getMessage()));
      }
    }
    if (out.isEmpty()) {
      out.add(Finding.error(null, null, "engine-parse", "引擎无法解析：" + e.getMessage()));
    }
    return out;
  }
}

package org.guardian.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.guardian.people.Role;
import org.guardian.workflow.AreaVariables;

/**
 * Checks BPMN diagrams, DMN decision tables and Camunda Forms before they are deployed, and names
 * every problem by file, element id and rule (the rules are listed in docs/policy-guide.md). Used
 * by {@code POST /api/policy/deployments}, by the engine for deployments through {@code
 * /engine-rest} (Camunda Modeler), and by the tests that keep the repository's {@code bpmn/} and
 * {@code forms/} honest. One upload is checked as a whole: a diagram may name a form or a decision
 * of the same upload, or (unless bound to the deployment) one already deployed.
 */
public final class ModelValidator {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
  /** "Variables: a, b", also "Variables in: a. Out: b": every name after it is documented. */
  private static final Pattern DOCUMENTED =
      Pattern.compile("(?is)\\bvariables\\b[^:.\\n]{0,20}:(.*)");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** A decision whose description contains "No match:" says what no match means. */
  private static final Pattern NO_MATCH = Pattern.compile("(?i)\\bno match\\s*:");
  private static final Set<String> AREA_VARIABLES = Set.of(AreaVariables.VILLAGE_CODE,
      AreaVariables.TOWNSHIP_CODE, AreaVariables.COUNTY_CODE);
  private static final Set<String> ROLES = java.util.Arrays.stream(Role.values())
      .map(Role::groupId).collect(Collectors.toUnmodifiableSet());
  private static final Pattern ROUTED_GROUP = Pattern.compile(
      "([a-z-]+)@(\\$\\{(villageCode|townshipCode|countyCode)}|\\d{6}|\\d{9}|\\d{12})");
  private static final Pattern ROLE_PREFIX_LITERAL = Pattern.compile(
      "([a-z-]+)@(\\d{6}|\\d{9}|\\d{12})?");
  private static final Set<String> SINGLE_RESULT =
      Set.of("UNIQUE", "ANY", "FIRST", "PRIORITY");

  private final DeployedModels deployed;
  private final Predicate<String> beans;

  /** A validator that knows what is deployed, and no beans. */
  public ModelValidator(DeployedModels deployed) {
    this(deployed, name -> false);
  }

  /**
   * @param deployed what is deployed already ({@link DeployedModels#NONE} offline)
   * @param beans the names expressions may use besides process variables (Spring beans)
   */
  public ModelValidator(DeployedModels deployed, Predicate<String> beans) {
    this.deployed = deployed;
    this.beans = beans;
  }

  /** The findings of an upload, errors first; an upload with no error may be deployed. */
  public List<Finding> validate(List<ModelFile> files) {
    Upload upload = new Upload();
    List<Finding> findings = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ModelFile f : files) {
      if (!names.add(f.name())) {
        findings.add(Finding.error(f.name(), null, "file-duplicate", "同一次部署中文件名重复"));
      }
    }
    for (ModelFile f : files) {
      switch (f.kind()) {
        case FORM -> readForm(f, upload, findings);
        case DMN -> readDmn(f, upload, findings);
        case BPMN -> readBpmn(f, upload, findings);
        default -> findings.add(Finding.error(f.name(), null, "file-type",
            "不支持的文件类型：只能部署 .bpmn、.dmn 和 .form 文件"));
      }
    }
    for (FormFile form : upload.forms.values()) {
      checkForm(form, findings);
    }
    for (DmnFile dmn : upload.dmns) {
      checkDmn(dmn, findings);
    }
    for (BpmnFile bpmn : upload.bpmns) {
      checkBpmn(bpmn, upload, findings);
    }
    List<Finding> sorted = new ArrayList<>(findings.stream().filter(Finding::isError).toList());
    findings.stream().filter(f -> !f.isError()).forEach(sorted::add);
    return sorted;
  }

  /** True when none of the findings is an error. */
  public static boolean passes(List<Finding> findings) {
    return findings.stream().noneMatch(Finding::isError);
  }

  // ----------------------------------------------------------------------------------- reading

  private static final class Upload {
    final Map<String, FormFile> forms = new LinkedHashMap<>();
    final List<DmnFile> dmns = new ArrayList<>();
    final Map<String, Decision> decisions = new HashMap<>();
    final List<BpmnFile> bpmns = new ArrayList<>();
    final Set<String> processKeys = new HashSet<>();
  }

  private record FormFile(String file, String id, JsonNode json, List<String> keys) {}

  private record DmnFile(String file, DmnModelInstance model) {}

  private record BpmnFile(String file, BpmnModelInstance model) {}

  private void readForm(ModelFile f, Upload upload, List<Finding> findings) {
    JsonNode json;
    try {
      json = JSON.readTree(f.content());
    } catch (Exception e) {
      findings.add(Finding.error(f.name(), null, "json-invalid", "表单不是有效的JSON：" + brief(e)));
      return;
    }
    String id = json.path("id").asText("");
    if (id.isBlank()) {
      findings.add(Finding.error(f.name(), null, "form-id", "表单没有 id（流程通过 camunda:formRef 引用它）"));
      return;
    }
    List<String> keys = new ArrayList<>();
    collectKeys(json.path("components"), keys);
    if (upload.forms.containsKey(id)) {
      findings.add(Finding.error(f.name(), id, "form-id",
          "表单 id 与 " + upload.forms.get(id).file() + " 重复"));
      return;
    }
    upload.forms.put(id, new FormFile(f.name(), id, json, keys));
  }

  private static void collectKeys(JsonNode components, List<String> keys) {
    for (JsonNode c : components) {
      if (c.hasNonNull("key")) {
        keys.add(c.get("key").asText());
      }
      if (c.has("components")) {
        collectKeys(c.get("components"), keys);
      }
    }
  }

  private void readDmn(ModelFile f, Upload upload, List<Finding> findings) {
    try {
      DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(f.content()));
      upload.dmns.add(new DmnFile(f.name(), model));
      for (Decision d : model.getModelElementsByType(Decision.class)) {
        if (upload.decisions.containsKey(d.getId())) {
          findings.add(Finding.error(f.name(), d.getId(), "decision-key", "决策 id 在本次部署中重复"));
        }
        upload.decisions.put(d.getId(), d);
      }
    } catch (RuntimeException e) {
      findings.add(Finding.error(f.name(), null, "xml-invalid", "不是有效的 DMN 文件：" + brief(e)));
    }
  }

  private void readBpmn(ModelFile f, Upload upload, List<Finding> findings) {
    try {
      BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(f.content()));
      upload.bpmns.add(new BpmnFile(f.name(), model));
      for (Process p : model.getModelElementsByType(Process.class)) {
        upload.processKeys.add(p.getId());
      }
    } catch (RuntimeException e) {
      findings.add(Finding.error(f.name(), null, "xml-invalid", "不是有效的 BPMN 文件：" + brief(e)));
    }
  }

  // ------------------------------------------------------------------------------------- forms

  private void checkForm(FormFile form, List<Finding> findings) {
    String expectedFile = form.id() + ".form";
    String base = form.file().contains("/")
        ? form.file().substring(form.file().lastIndexOf('/') + 1) : form.file();
    if (!base.equals(expectedFile)) {
      findings.add(Finding.warning(form.file(), form.id(), "form-id",
          "表单文件名应与表单 id 一致（" + expectedFile + "）"));
    }
    boolean chinese = false;
    Set<String> seen = new HashSet<>();
    List<JsonNode> fields = new ArrayList<>();
    collectComponents(form.json().path("components"), fields);
    for (JsonNode c : fields) {
      String label = c.path("label").asText("");
      String text = c.path("text").asText("");
      if (CJK.matcher(label).find() || CJK.matcher(text).find()) {
        chinese = true;
      }
      if (!c.hasNonNull("key")) {
        continue;
      }
      String key = c.get("key").asText();
      if (!seen.add(key)) {
        findings.add(Finding.error(form.file(), key, "form-field",
            "字段 key 「" + key + "」 在表单中重复"));
      }
      if (label.isBlank()) {
        findings.add(Finding.error(form.file(), key, "form-label", "字段「" + key + "」没有标签"));
      } else if (!CJK.matcher(label).find()) {
        findings.add(Finding.warning(form.file(), key, "form-label",
            "字段「" + key + "」的标签不是中文：" + label));
      }
    }
    if (!chinese) {
      findings.add(Finding.error(form.file(), form.id(), "form-label", "表单没有中文标签或说明"));
    }
  }

  private static void collectComponents(JsonNode components, List<JsonNode> out) {
    for (JsonNode c : components) {
      out.add(c);
      if (c.has("components")) {
        collectComponents(c.get("components"), out);
      }
    }
  }

  // --------------------------------------------------------------------------------------- DMN

  private void checkDmn(DmnFile dmn, List<Finding> findings) {
    String file = dmn.file();
    for (Decision decision : dmn.model().getModelElementsByType(Decision.class)) {
      String key = decision.getId();
      if (key == null || !IdConvention.KEY.matcher(key).matches()) {
        findings.add(Finding.error(file, key, "decision-key",
            "决策 id 应为小写短横线形式（例如 visit-cadence）"));
      }
      if (blank(decision.getName())) {
        findings.add(Finding.error(file, key, "name-missing", "决策没有名称"));
      }
      if (blank(decision.getCamundaHistoryTimeToLiveString())) {
        findings.add(Finding.error(file, key, "history-ttl",
            "决策没有设置历史保留期限（camunda:historyTimeToLive）"));
      }
      if (!(decision.getExpression() instanceof DecisionTable table)) {
        continue;
      }
      List<Input> inputs = new ArrayList<>(table.getInputs());
      List<Output> outputs = new ArrayList<>(table.getOutputs());
      for (Input in : inputs) {
        if (in.getInputExpression() == null || in.getInputExpression().getText() == null
            || blank(in.getInputExpression().getText().getTextContent())) {
          findings.add(Finding.error(file, in.getId(), "dmn-input", "输入没有表达式"));
        }
        if (blank(in.getLabel())) {
          findings.add(Finding.warning(file, in.getId(), "dmn-input", "输入没有标签"));
        }
      }
      for (Output out : outputs) {
        if (blank(out.getName())) {
          findings.add(Finding.error(file, out.getId(), "dmn-output",
              "输出没有名称（name）：流程和决策追溯按名称读取结果"));
        }
      }
      deployed.latestDecision(key).ifPresent(previous ->
          compareWithDeployed(file, key, inputs, outputs, previous, findings));
      analyse(file, decision, table, inputs, findings);
    }
  }

  private void compareWithDeployed(String file, String key, List<Input> inputs,
      List<Output> outputs, DmnModelInstance previousModel, List<Finding> findings) {
    ModelElementInstance element = previousModel.getModelElementById(key);
    if (!(element instanceof Decision previous)
        || !(previous.getExpression() instanceof DecisionTable old)) {
      return;
    }
    Map<String, Input> byExpression = new HashMap<>();
    for (Input in : inputs) {
      byExpression.put(expression(in), in);
    }
    Set<String> oldExpressions = new HashSet<>();
    for (Input oldInput : old.getInputs()) {
      String expr = expression(oldInput);
      oldExpressions.add(expr);
      Input now = byExpression.get(expr);
      if (now == null) {
        findings.add(Finding.error(file, key, "dmn-inputs-changed",
            "输入「" + label(oldInput) + "」（" + expr + "）在正在使用的版本中存在，新版本删除或改变了它；"
                + "调用此决策的流程仍按原输入提供数据"));
      } else if (!String.valueOf(oldInput.getLabel()).equals(String.valueOf(now.getLabel()))) {
        findings.add(Finding.warning(file, now.getId(), "dmn-inputs-changed",
            "输入（" + expr + "）的标签由「" + oldInput.getLabel() + "」改为「" + now.getLabel() + "」"));
      }
    }
    for (Input in : inputs) {
      if (!oldExpressions.contains(expression(in))) {
        findings.add(Finding.warning(file, in.getId(), "dmn-inputs-changed",
            "新增输入「" + label(in) + "」（" + expression(in) + "）：请确认调用此决策的流程提供该变量"));
      }
    }
    Set<String> names = outputs.stream().map(Output::getName).collect(Collectors.toSet());
    for (Output oldOutput : old.getOutputs()) {
      if (oldOutput.getName() != null && !names.contains(oldOutput.getName())) {
        findings.add(Finding.error(file, key, "dmn-output-removed",
            "输出「" + oldOutput.getName() + "」在正在使用的版本中存在，新版本删除或改名了它；"
                + "读取此结果的流程和服务会失败"));
      }
    }
  }

  private void analyse(String file, Decision decision, DecisionTable table, List<Input> inputs,
      List<Finding> findings) {
    String key = decision.getId();
    HitPolicy hitPolicy = table.getHitPolicy() == null ? HitPolicy.UNIQUE : table.getHitPolicy();
    List<DecisionTableAnalysis.Column> columns = new ArrayList<>();
    for (Input in : inputs) {
      String typeRef = in.getInputExpression() == null ? null
          : in.getInputExpression().getTypeRef();
      String values = in.getInputValues() == null || in.getInputValues().getText() == null
          ? null : in.getInputValues().getText().getTextContent();
      columns.add(new DecisionTableAnalysis.Column(columnName(in), typeRef, values));
    }
    List<DecisionTableAnalysis.Rule> rules = new ArrayList<>();
    int position = 0;
    for (Rule rule : table.getRules()) {
      position++;
      List<String> texts = new ArrayList<>();
      List<String> languages = new ArrayList<>();
      for (InputEntry e : rule.getInputEntries()) {
        texts.add(e.getText() == null ? "" : e.getText().getTextContent());
        languages.add(e.getExpressionLanguage());
      }
      List<String> outs = new ArrayList<>();
      for (OutputEntry e : rule.getOutputEntries()) {
        outs.add(e.getText() == null ? "" : e.getText().getTextContent());
      }
      if (texts.size() != inputs.size()) {
        findings.add(Finding.error(file, rule.getId(), "dmn-rule",
            "规则 " + position + " 的条件个数与输入个数不符"));
      }
      rules.add(new DecisionTableAnalysis.Rule(position, rule.getId(), texts, languages, outs));
    }
    String policy = hitPolicy.name();
    boolean checkOverlaps = policy.equals("UNIQUE") || policy.equals("ANY");
    boolean checkGaps = SINGLE_RESULT.contains(policy);
    boolean noMatchAllowed = describes(decision, NO_MATCH) || describes(table, NO_MATCH);
    DecisionTableAnalysis.Result result = DecisionTableAnalysis.analyse(columns, rules,
        checkOverlaps, policy.equals("ANY"), checkGaps);
    for (DecisionTableAnalysis.Note note : result.notes()) {
      findings.add(Finding.warning(file, note.elementId() == null ? key : note.elementId(),
          "dmn-unanalysable", note.message()));
    }
    for (DecisionTableAnalysis.Overlap o : result.overlaps()) {
      findings.add(Finding.error(file, o.second().id(), "dmn-overlap",
          "规则 " + o.first().position() + "（" + o.first().id() + "）与规则 " + o.second().position()
              + "（" + o.second().id() + "）重叠" + (policy.equals("ANY") ? "且结果不同" : "")
              + "，命中策略 " + policy + " 不允许：例如 " + o.example()));
    }
    List<DecisionTableAnalysis.Gap> gaps = result.gaps();
    for (int i = 0; i < Math.min(gaps.size(), DecisionTableAnalysis.MAX_REPORTED); i++) {
      String message = "没有规则匹配 " + gaps.get(i).description()
          + (gaps.size() > DecisionTableAnalysis.MAX_REPORTED && i == 0
              ? "（共 " + gaps.size() + " 处缺口，只列出前 " + DecisionTableAnalysis.MAX_REPORTED + " 处）"
              : "");
      if (noMatchAllowed) {
        findings.add(Finding.warning(file, key, "dmn-gap",
            message + "；决策说明中已写明无匹配的含义（No match:）"));
      } else if (result.gapsUncertain()) {
        findings.add(Finding.warning(file, key, "dmn-gap",
            message + "；有规则无法分析，可能已覆盖此组合，请核对"));
      } else {
        findings.add(Finding.error(file, key, "dmn-gap", message
            + "；请补充规则（或在决策说明中写明 No match: 无匹配时的含义）"));
      }
    }
  }

  private static boolean describes(ModelElementInstance element, Pattern pattern) {
    for (DomElement child : element.getDomElement().getChildElements()) {
      String name = child.getLocalName();
      if (("description".equals(name) || "documentation".equals(name))
          && pattern.matcher(String.valueOf(child.getTextContent())).find()) {
        return true;
      }
    }
    return false;
  }

  private static String expression(Input in) {
    return in.getInputExpression() == null || in.getInputExpression().getText() == null ? ""
        : in.getInputExpression().getText().getTextContent().trim();
  }

  private static String label(Input in) {
    return blank(in.getLabel()) ? expression(in) : in.getLabel();
  }

  private static String columnName(Input in) {
    String expr = expression(in);
    if (IDENTIFIER.matcher(expr).matches()) {
      return expr;
    }
    return blank(in.getLabel()) ? (blank(expr) ? in.getId() : expr) : in.getLabel();
  }

  // -------------------------------------------------------------------------------------- BPMN

  private void checkBpmn(BpmnFile bpmn, Upload upload, List<Finding> findings) {
    String file = bpmn.file();
    for (Process process : bpmn.model().getModelElementsByType(Process.class)) {
      if (!process.isExecutable()) {
        continue;
      }
      String key = process.getId();
      if (!IdConvention.KEY.matcher(key).matches()) {
        findings.add(Finding.error(file, key, "process-key",
            "流程 id 应为小写短横线形式（例如 guardianship-case）"));
      }
      if (blank(process.getName())) {
        findings.add(Finding.error(file, key, "name-missing", "流程没有名称"));
      }
      if (blank(process.getCamundaHistoryTimeToLiveString())) {
        findings.add(Finding.error(file, key, "history-ttl",
            "流程没有设置历史保留期限（camunda:historyTimeToLive）"));
      }
      ProcessGraph graph = new ProcessGraph(process);
      Set<String> documented = documentedVariables(graph);
      for (FlowNode node : graph.nodes) {
        checkNode(file, node, upload, findings);
      }
      for (SequenceFlow flow : graph.flows) {
        if (!IdConvention.follows(flow.getId(), List.of(IdConvention.FLOW_PREFIX))) {
          findings.add(Finding.warning(file, flow.getId(), "id-convention",
              "顺序流 id 宜为 Flow_ 加英文驼峰名称（例如 Flow_Approved）"));
        }
        checkCondition(file, flow, graph, documented, upload, findings);
      }
    }
  }

  private void checkNode(String file, FlowNode node, Upload upload, List<Finding> findings) {
    String id = node.getId();
    List<String> prefixes = IdConvention.prefixesFor(node);
    if (!IdConvention.follows(id, prefixes)) {
      findings.add(Finding.error(file, id, "id-convention",
          "元素 id 不符合约定：应以 " + String.join(" 或 ", prefixes)
              + " 开头，后接英文驼峰名称（例如 Task_TriageReport）"));
    }
    if (blank(node.getName())) {
      findings.add(Finding.error(file, id, "name-missing", "元素没有名称（用中文写明它做什么）"));
    } else if (!CJK.matcher(node.getName()).find()) {
      findings.add(Finding.warning(file, id, "name-missing", "元素名称不是中文：" + node.getName()));
    }
    if (node instanceof UserTask task) {
      checkUserTask(file, task, upload, findings);
    } else if (node instanceof BusinessRuleTask task) {
      checkBusinessRuleTask(file, task, upload, findings);
    } else if (node instanceof CallActivity call) {
      String called = call.getCalledElement();
      String binding = attribute(call, "calledElementBinding");
      if (!blank(called) && !Expressions.containsExpression(called)) {
        if ("deployment".equals(binding) && !upload.processKeys.contains(called)) {
          findings.add(Finding.error(file, id, "called-process-missing",
              "被调用流程 " + called + " 不在本次部署中（calledElementBinding=deployment 要求一同部署）"));
        } else if (!upload.processKeys.contains(called) && !deployed.processExists(called)) {
          findings.add(Finding.error(file, id, "called-process-missing",
              "被调用流程 " + called + " 既不在本次部署中，也未曾部署"));
        }
      }
    }
  }

  private void checkUserTask(String file, UserTask task, Upload upload, List<Finding> findings) {
    String id = task.getId();
    String formRef = task.getCamundaFormRef();
    if (blank(formRef)) {
      findings.add(Finding.error(file, id, "form-missing", blank(task.getCamundaFormKey())
          ? "用户任务没有 Camunda 表单（camunda:formRef）"
          : "用户任务应使用 Camunda 表单（camunda:formRef），而不是 formKey"));
    } else if (Expressions.containsExpression(formRef)) {
      findings.add(Finding.warning(file, id, "form-missing", "表单引用是表达式，无法核对表单是否存在"));
    } else {
      String binding = blank(task.getCamundaFormRefBinding()) ? "latest"
          : task.getCamundaFormRefBinding();
      if ("deployment".equals(binding)) {
        if (!upload.forms.containsKey(formRef)) {
          findings.add(Finding.error(file, id, "form-missing", "表单 " + formRef
              + " 不在本次部署中（formRefBinding=deployment 要求表单与流程一同部署）"));
        }
      } else if (!upload.forms.containsKey(formRef)
          && deployed.formFields(formRef).isEmpty()) {
        findings.add(Finding.error(file, id, "form-missing",
            "表单 " + formRef + " 既不在本次部署中，也未曾部署"));
      }
    }
    List<String> groups = candidateGroups(task.getCamundaCandidateGroups());
    if (groups.isEmpty()) {
      findings.add(Finding.error(file, id, "candidate-group",
          "用户任务没有候选组：按路由约定写作 角色@${villageCode|townshipCode|countyCode}，"
              + "例如 station-chief@${townshipCode}"));
    }
    for (String group : groups) {
      String problem = routingProblem(group);
      if (problem != null) {
        findings.add(Finding.error(file, id, "candidate-group", "候选组 " + group + " " + problem));
      }
    }
  }

  /** Splits a candidate group list at commas outside expressions. */
  static List<String> candidateGroups(String text) {
    List<String> out = new ArrayList<>();
    if (blank(text)) {
      return out;
    }
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        if (!current.toString().isBlank()) {
          out.add(current.toString().trim());
        }
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().trim());
    }
    return out;
  }

  /** Why a candidate group breaks the routing convention, or null when it follows it. */
  static String routingProblem(String group) {
    Matcher m = ROUTED_GROUP.matcher(group);
    if (m.matches()) {
      return ROLES.contains(m.group(1)) ? null
          : "的角色 " + m.group(1) + " 不存在（可用角色：" + String.join("、", sortedRoles()) + "）";
    }
    if (Expressions.isExpression(group)) {
      // an expression may only choose between role@ literals and the area variables
      List<String> literals = Expressions.stringLiterals(group);
      Set<String> free = Expressions.freeIdentifiers(group);
      boolean literalsOk = !literals.isEmpty() && literals.stream().allMatch(l -> {
        Matcher lm = ROLE_PREFIX_LITERAL.matcher(l);
        return lm.matches() && ROLES.contains(lm.group(1));
      });
      if (literalsOk && AREA_VARIABLES.containsAll(free)) {
        return null;
      }
      return "是表达式，但只能由「角色@」文字和 villageCode、townshipCode、countyCode 组成";
    }
    return "不符合路由约定：应写作 角色@${villageCode|townshipCode|countyCode} 或 角色@行政区划代码";
  }

  private static List<String> sortedRoles() {
    return ROLES.stream().sorted().toList();
  }

  private void checkBusinessRuleTask(String file, BusinessRuleTask task, Upload upload,
      List<Finding> findings) {
    String id = task.getId();
    String ref = task.getCamundaDecisionRef();
    if (blank(ref)) {
      if (blank(task.getCamundaClass()) && blank(task.getCamundaDelegateExpression())
          && blank(task.getCamundaExpression()) && blank(task.getCamundaType())) {
        findings.add(Finding.error(file, id, "decision-missing",
            "业务规则任务没有引用决策（camunda:decisionRef）"));
      }
      return;
    }
    String binding = attribute(task, "decisionRefBinding");
    if (blank(binding)) {
      findings.add(Finding.error(file, id, "decision-binding",
          "须明确选择决策绑定 camunda:decisionRefBinding（latest、deployment、version 或 versionTag），"
              + "并在任务说明中写明理由（见 docs/policy-bindings.md）"));
    } else if (!documentation(task).toLowerCase(Locale.ROOT)
        .contains(binding.toLowerCase(Locale.ROOT))) {
      findings.add(Finding.warning(file, id, "decision-binding",
          "任务说明（documentation）中宜写明为何选择绑定 " + binding));
    }
    if (Expressions.containsExpression(ref)) {
      return;
    }
    if ("deployment".equals(binding) && !upload.decisions.containsKey(ref)) {
      findings.add(Finding.error(file, id, "decision-missing",
          "决策 " + ref + " 不在本次部署中（decisionRefBinding=deployment 要求决策与流程一同部署）"));
    } else if (!upload.decisions.containsKey(ref) && deployed.latestDecision(ref).isEmpty()) {
      findings.add(Finding.error(file, id, "decision-missing",
          "决策 " + ref + " 既不在本次部署中，也未曾部署"));
    }
  }

  // -------------------------------------------------------------------------------- conditions

  /**
   * The rule "every form field the process reads exists": a variable read by the condition of a
   * sequence flow must come from somewhere the flow is preceded by (a form field of a user task,
   * the result variable or a decision output of a business rule task, an output parameter, a
   * call activity's {@code camunda:out}), or be documented in a {@code Variables:} list in the
   * documentation of the process or of one of its elements.
   */
  private void checkCondition(String file, SequenceFlow flow, ProcessGraph graph,
      Set<String> documented, Upload upload, List<Finding> findings) {
    ConditionExpression condition = flow.getConditionExpression();
    if (condition == null) {
      return;
    }
    String language = condition.getLanguage();
    if (!blank(language) || !blank(condition.getCamundaResource())) {
      findings.add(Finding.warning(file, flow.getId(), "condition-variable",
          "脚本条件无法分析，未核对其读取的变量"));
      return;
    }
    String text = condition.getTextContent();
    Set<String> free = Expressions.freeIdentifiers(text);
    if (free.isEmpty()) {
      return;
    }
    Provided provided = provided(graph, flow.getSource(), upload);
    for (String name : free) {
      if (provided.names.contains(name) || documented.contains(name) || beans.test(name)) {
        continue;
      }
      String where = flow.getSource() == null ? "" : "（" + flow.getSource().getName() + " "
          + flow.getSource().getId() + " 之后）";
      if (provided.open) {
        findings.add(Finding.warning(file, flow.getId(), "condition-variable",
            "条件 " + text.trim() + where + " 读取的变量 " + name
                + " 可能由被调用流程返回（camunda:out variables=\"all\"），无法核实"));
      } else {
        findings.add(Finding.error(file, flow.getId(), "condition-variable",
            "条件 " + text.trim() + where + " 读取的变量 " + name
                + " 没有来源：它不是之前用户任务表单的字段、业务规则任务的结果或决策输出，"
                + "也没有在流程说明的 Variables: 中列出"));
      }
    }
  }

  private record Provided(Set<String> names, boolean open) {}

  private Provided provided(ProcessGraph graph, FlowNode from, Upload upload) {
    Set<String> names = new HashSet<>();
    boolean open = false;
    for (FlowNode producer : graph.producers(from)) {
      open |= produces(producer, upload, names);
    }
    return new Provided(names, open);
  }

  /** Adds the variables the node writes; true when it may write any variable. */
  private boolean produces(FlowNode node, Upload upload, Set<String> out) {
    boolean open = false;
    String formRef = null;
    if (node instanceof UserTask task) {
      formRef = task.getCamundaFormRef();
    } else if (node instanceof StartEvent start) {
      formRef = start.getCamundaFormRef();
    }
    if (!blank(formRef)) {
      FormFile form = upload.forms.get(formRef);
      if (form != null) {
        out.addAll(form.keys());
      } else {
        deployed.formFields(formRef).ifPresent(out::addAll);
      }
    }
    if (node instanceof BusinessRuleTask task) {
      addIfPresent(out, task.getCamundaResultVariable());
      String ref = task.getCamundaDecisionRef();
      if (!blank(ref)) {
        Decision decision = upload.decisions.get(ref);
        if (decision == null) {
          decision = deployed.latestDecision(ref)
              .map(m -> m.getModelElementById(ref) instanceof Decision d ? d : null).orElse(null);
        }
        if (decision != null && decision.getExpression() instanceof DecisionTable table) {
          table.getOutputs().forEach(o -> addIfPresent(out, o.getName()));
        }
      }
    } else if (node instanceof ServiceTask task) {
      addIfPresent(out, task.getCamundaResultVariable());
    } else if (node instanceof ScriptTask task) {
      addIfPresent(out, task.getCamundaResultVariable());
    } else if (node instanceof SendTask task) {
      addIfPresent(out, task.getCamundaResultVariable());
    }
    if (node.getExtensionElements() != null) {
      for (ModelElementInstance e : node.getExtensionElements().getElements()) {
        if (e instanceof CamundaOut o) {
          if ("all".equals(o.getCamundaVariables())) {
            open = true;
          }
          addIfPresent(out, o.getCamundaTarget());
        } else if (e instanceof CamundaInputOutput io) {
          for (CamundaOutputParameter p : io.getCamundaOutputParameters()) {
            addIfPresent(out, p.getCamundaName());
          }
        } else if (e instanceof CamundaFormData data) {
          for (CamundaFormField f : data.getCamundaFormFields()) {
            addIfPresent(out, f.getCamundaId());
          }
        }
      }
    }
    return open;
  }

  private static Set<String> documentedVariables(ProcessGraph graph) {
    Set<String> out = new HashSet<>();
    List<BaseElement> elements = new ArrayList<>();
    elements.add(graph.process);
    elements.addAll(graph.nodes);
    for (BaseElement e : elements) {
      Matcher m = DOCUMENTED.matcher(documentation(e));
      if (m.find()) {
        Matcher id = IDENTIFIER.matcher(m.group(1));
        while (id.find()) {
          out.add(id.group());
        }
      }
    }
    return out;
  }

  /** The flow nodes and sequence flows of a process, with their scopes. */
  private static final class ProcessGraph {
    final Process process;
    final List<FlowNode> nodes = new ArrayList<>();
    final List<SequenceFlow> flows = new ArrayList<>();
    /** The sub-process each node lies in (absent: the process itself). */
    final Map<FlowNode, SubProcess> scopeOf = new HashMap<>();
    /**
     * The flows into each node, from the flows' {@code targetRef} (a node's own {@code incoming}
     * elements are optional in BPMN, and some tools leave them out).
     */
    final Map<FlowNode, List<SequenceFlow>> incoming = new HashMap<>();

    ProcessGraph(Process process) {
      this.process = process;
      collect(process.getFlowElements(), null);
      for (SequenceFlow flow : flows) {
        if (flow.getTarget() != null) {
          incoming.computeIfAbsent(flow.getTarget(), k -> new ArrayList<>()).add(flow);
        }
      }
    }

    private List<SequenceFlow> into(FlowNode node) {
      return incoming.getOrDefault(node, List.of());
    }

    private void collect(Collection<FlowElement> elements, SubProcess scope) {
      for (FlowElement e : elements) {
        if (e instanceof FlowNode node) {
          nodes.add(node);
          if (scope != null) {
            scopeOf.put(node, scope);
          }
          if (node instanceof SubProcess sub) {
            collect(sub.getFlowElements(), sub);
          }
        } else if (e instanceof SequenceFlow flow) {
          flows.add(flow);
        }
      }
    }

    /**
     * The nodes that have completed whenever {@code from} completes: {@code from} and everything
     * before it, where a sub-process before it counts with all its content, a boundary event comes
     * after what comes before its activity, a sub-process's start event after what comes before
     * the sub-process, and an event sub-process's start event after anything in its scope.
     */
    Set<FlowNode> producers(FlowNode from) {
      Set<FlowNode> seen = new LinkedHashSet<>();
      Deque<FlowNode> todo = new ArrayDeque<>();
      if (from != null) {
        todo.add(from);
        if (from instanceof SubProcess sub) {
          todo.addAll(inside(sub));
        }
      }
      while (!todo.isEmpty()) {
        FlowNode node = todo.poll();
        if (!seen.add(node)) {
          continue;
        }
        for (SequenceFlow in : into(node)) {
          if (in.getSource() != null) {
            todo.add(in.getSource());
            if (in.getSource() instanceof SubProcess sub) {
              todo.addAll(inside(sub));
            }
          }
        }
        if (node instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null) {
          Activity attached = boundary.getAttachedTo();
          for (SequenceFlow in : into(attached)) {
            if (in.getSource() != null) {
              todo.add(in.getSource());
            }
          }
          if (attached instanceof SubProcess sub) {
            todo.addAll(inside(sub));
          }
          SubProcess scope = scopeOf.get(attached);
          if (scope != null) {
            todo.add(scope);
          }
        }
        if (node instanceof StartEvent && scopeOf.containsKey(node)) {
          SubProcess scope = scopeOf.get(node);
          if (scope.triggeredByEvent()) {
            SubProcess outer = scopeOf.get(scope);
            for (FlowNode n : nodes) {
              if (scopeOf.get(n) == outer && n != scope) {
                todo.add(n);
              }
            }
          } else {
            for (SequenceFlow in : into(scope)) {
              if (in.getSource() != null) {
                todo.add(in.getSource());
              }
            }
            SubProcess outer = scopeOf.get(scope);
            if (outer != null) {
              // the enclosing sub-process's own predecessors
              todo.add(startOf(outer));
            }
          }
        }
      }
      // a sub-process reached as a predecessor of its own content has not completed
      return seen;
    }

    private FlowNode startOf(SubProcess sub) {
      for (FlowNode n : nodes) {
        if (n instanceof StartEvent && scopeOf.get(n) == sub) {
          return n;
        }
      }
      return sub;
    }

    private List<FlowNode> inside(SubProcess sub) {
      List<FlowNode> out = new ArrayList<>();
      for (FlowNode n : nodes) {
        SubProcess s = scopeOf.get(n);
        while (s != null) {
          if (s == sub) {
            out.add(n);
            break;
          }
          s = scopeOf.get(s);
        }
      }
      return out;
    }
  }

  // ----------------------------------------------------------------------------------- helpers

  private static String attribute(BaseElement element, String camundaAttribute) {
    return element.getDomElement().getAttribute("http://camunda.org/schema/1.0/bpmn",
        camundaAttribute);
  }

  private static String documentation(BaseElement element) {
    StringBuilder b = new StringBuilder();
    for (Documentation d : element.getDocumentations()) {
      b.append(d.getTextContent()).append('\n');
    }
    return b.toString();
  }

  private static void addIfPresent(Set<String> out, String name) {
    if (!blank(name)) {
      out.add(name.trim());
    }
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String brief(Throwable e) {
    Throwable t = e;
    String message = t.getMessage();
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }

  /** The ids of the flow nodes of a process definition, for migration plans. */
  static Map<String, String> flowNodeNames(BpmnModelInstance model) {
    Map<String, String> out = new LinkedHashMap<>();
    for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
      out.put(n.getId(), n.getName());
    }
    return out;
  }

  static Optional<String> nameOf(BpmnModelInstance model, String id) {
    ModelElementInstance e = model.getModelElementById(id);
    return e instanceof FlowElement f ? Optional.ofNullable(f.getName()) : Optional.empty();
  }
}

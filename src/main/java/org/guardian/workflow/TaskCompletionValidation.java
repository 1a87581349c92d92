package org.guardian.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.guardian.common.EngineInterceptors;
import org.guardian.common.FieldProblem;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Server-side validation of every user task completion, since Camunda Forms validate only in the
 * browser. A submission is checked against the rules its Camunda Form declares ({@link FormSchema})
 * and against the {@link TaskCompletionRule} beans that apply; a bad one is refused with {@link
 * TaskCompletionRejected} (HTTP 400 on the engine REST API) naming each bad field, and nothing is
 * completed.
 *
 * <p>Two hooks, one check: a command interceptor checks {@code complete} and {@code submit-form}
 * commands before they run (so the caller gets the rejection itself), and a built-in {@code
 * complete} listener on every user task checks again inside the engine, for any other path to
 * completion.
 */
public class TaskCompletionValidation extends CommandInterceptor {

  /**
   * Tasks whose completion this interceptor has checked in the command running on this thread;
   * their complete listener (which checks completions that do not come through a complete or
   * submit-form command) skips them.
   */
  private static final ThreadLocal<Set<String>> CHECKED =
      ThreadLocal.withInitial(HashSet::new);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectProvider<TaskCompletionRule> rules;
  /**
   * The rule beans, taken from {@link #rules} at the first completion: the engine is built before
   * they are, and they do not change afterwards. Iterating the provider resolved them again on
   * every check (a search of the bean factory, 4 % of a completion: docs/benchmarks.md item 38).
   */
  private volatile List<TaskCompletionRule> resolvedRules;
  /** Parsed forms by process definition and task, for forms bound to the deployment or a version. */
  private final Map<String, FormSchema> forms = new ConcurrentHashMap<>();

  public TaskCompletionValidation(ObjectProvider<TaskCompletionRule> rules) {
    this.rules = rules;
  }

  /** The parse listener that adds the completion check to every user task. */
  public AbstractBpmnParseListener parseListener() {
    TaskListener listener = task -> {
      if (CHECKED.get().contains(task.getId())) {
        return;
      }
      List<FieldProblem> problems = check((TaskEntity) task,
          new TaskValues((TaskEntity) task, null, Context.getCommandContext()));
      if (!problems.isEmpty()) {
        throw new TaskCompletionRejected(task.getTaskDefinitionKey(), problems);
      }
    };
    return new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition()
              .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
        }
      }
    };
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      String taskId = (String) EngineInterceptors.commandField(command, "taskId");
      @SuppressWarnings("unchecked")
      Map<String, Object> submitted = (Map<String, Object>) EngineInterceptors.commandField(
          command, command instanceof CompleteTaskCmd ? "variables" : "properties");
      CommandContext context = Context.getCommandContext();
      TaskEntity task = taskId == null ? null
          : context.runWithoutAuthorization(
              () -> context.getTaskManager().findTaskById(taskId));
      if (task != null && task.getTaskDefinition() != null) {
        normaliseLists(formOf(task), submitted);
        List<FieldProblem> shape = shape(task, submitted, context.getAuthenticatedUserId() != null);
        if (!shape.isEmpty()) {
          throw new TaskCompletionRejected(task.getTaskDefinitionKey(), shape);
        }
        Map<String, Object> variables = new TaskValues(task, submitted, context);
        List<FieldProblem> problems = check(task, variables);
        if (!problems.isEmpty()) {
          throw new TaskCompletionRejected(task.getTaskDefinitionKey(), problems);
        }
        // checked with the submitted values: the complete listener need not load and check the
        // task's variables a second time within this command
        CHECKED.get().add(task.getId());
        try {
          return next.execute(command);
        } finally {
          CHECKED.get().remove(task.getId());
        }
      }
    }
    return next.execute(command);
  }

  /**
   * The list fields of the task's form (checklist, taglist) as the engine stores them. Tasklist
   * submits a Camunda Form's list as a {@code Json} variable (the text of a JSON array), REST
   * clients often as a JSON-serialised {@code java.util.ArrayList}; both become a list of the
   * chosen values' texts (stored as a JSON-serialised {@code ArrayList}), which the form's rules
   * check and the process reads (a multi-instance collection needs a collection). A value that is
   * not an array of plain values becomes its text, which the form's rule refuses; no other type
   * named by the client is ever instantiated.
   */
  static void normaliseLists(FormSchema form, Map<String, Object> submitted) {
    if (form == null || !(submitted instanceof VariableMap typed)) {
      return;
    }
    for (String key : List.copyOf(submitted.keySet())) {
      String json = form.isListField(key) ? jsonText(typed.getValueTyped(key)) : null;
      if (json != null) {
        typed.putValueTyped(key, listOf(json));
      }
    }
  }

  private static String jsonText(TypedValue value) {
    if (!(value instanceof SerializableValue serializable)) {
      return null;
    }
    boolean json = (value.getType() != null && "json".equalsIgnoreCase(value.getType().getName()))
        || Variables.SerializationDataFormats.JSON.getName()
            .equals(serializable.getSerializationDataFormat());
    if (!json) {
      return null;
    }
    if (!serializable.isDeserialized()) {
      return serializable.getValueSerialized();
    }
    return serializable.getValue() instanceof SpinJsonNode node ? node.toString() : null;
  }

  private static TypedValue listOf(String json) {
    try {
      JsonNode node = json == null ? null : JSON.readTree(json);
      if (node != null && node.isArray()) {
        ArrayList<String> items = new ArrayList<>();
        for (JsonNode item : node) {
          if (!item.isValueNode() || item.isNull()) {
            return Variables.stringValue(json);
          }
          items.add(item.asText());
        }
        return Variables.objectValue(items)
            .serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
      }
    } catch (IOException e) {
      // not JSON: the text is refused by the form's rule below
    }
    return Variables.stringValue(json);
  }

  /**
   * What a submission may carry at all, before its values are read: a person (an authenticated
   * completion: Tasklist, engine REST) submits the fields of the task's form and nothing else, so
   * that nobody re-routes a case by overwriting {@code townshipCode} or swaps {@code childId}
   * through the REST API; and no value is a serialised object the engine would have to
   * deserialise (Java serialisation is off: such a value is refused here instead of failing with
   * a 500 when first read). Completions by Guardian's own services (no authentication) may set
   * process variables beyond the form.
   */
  private List<FieldProblem> shape(TaskEntity task, Map<String, Object> submitted,
      boolean byPerson) {
    List<FieldProblem> problems = new ArrayList<>();
    if (submitted == null || submitted.isEmpty()) {
      return problems;
    }
    FormSchema form = byPerson ? formOf(task) : null;
    java.util.Set<String> declared = form == null ? null : new java.util.HashSet<>(form.keys());
    for (String key : submitted.keySet()) {
      if (declared != null && !declared.contains(key)) {
        problems.add(new FieldProblem(key, "不是此表单的字段，不能提交"));
        continue;
      }
      if (submitted instanceof VariableMap typed
          && typed.getValueTyped(key) instanceof SerializableValue object
          && !object.isDeserialized()) {
        problems.add(new FieldProblem(key, "值的类型不正确"));
      }
    }
    return problems;
  }

  List<FieldProblem> check(TaskEntity task, Map<String, Object> variables) {
    List<FieldProblem> problems = new ArrayList<>();
    FormSchema form = formOf(task);
    if (form != null) {
      problems.addAll(form.check(variables));
    }
    String processKey = task.getProcessDefinition() == null ? null
        : task.getProcessDefinition().getKey();
    TaskSubmission submission = new TaskSubmission(task, processKey, variables);
    for (TaskCompletionRule rule : rules()) {
      if (rule.appliesTo(processKey, task.getTaskDefinitionKey())) {
        problems.addAll(rule.check(submission));
      }
    }
    return problems;
  }

  /** The rule beans, in the provider's order, resolved once. */
  List<TaskCompletionRule> rules() {
    List<TaskCompletionRule> resolved = resolvedRules;
    if (resolved == null) {
      resolved = rules.stream().toList();
      resolvedRules = resolved;
    }
    return resolved;
  }

  private FormSchema formOf(TaskEntity task) {
    FormDefinition definition = task.getTaskDefinition().getFormDefinition();
    if (definition == null || definition.getCamundaFormDefinitionKey() == null) {
      return null;
    }
    boolean stable = !"latest".equals(definition.getCamundaFormDefinitionBinding());
    String cacheKey = task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey();
    if (stable) {
      FormSchema cached = forms.get(cacheKey);
      if (cached != null) {
        return cached;
      }
    }
    CommandContext commandContext = Context.getCommandContext();
    FormSchema schema = commandContext.runWithoutAuthorization(() -> {
      try (InputStream in = new GetDeployedTaskFormCmd(task.getId()).execute(commandContext)) {
        return FormSchema.parse(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    if (stable) {
      forms.put(cacheKey, schema);
    }
    return schema;
  }

  /**
   * The submitted values over the task's variables, each variable read from the engine (and
   * deserialised) only when the form or a rule asks for it: loading all of a case's variables for
   * every completion cost about 5 % of the node's CPU in the bench. Iterating the map reads them
   * all.
   */
  static final class TaskValues extends AbstractMap<String, Object> {
    private final TaskEntity task;
    private final Map<String, Object> submitted;
    private final CommandContext context;
    private final Map<String, Object> read = new HashMap<>();

    TaskValues(TaskEntity task, Map<String, Object> submitted, CommandContext context) {
      this.task = task;
      this.submitted = submitted == null ? Map.of() : submitted;
      this.context = context;
    }

    @Override
    public Object get(Object key) {
      if (!(key instanceof String name)) {
        return null;
      }
      if (submitted.containsKey(name)) {
        return submitted.get(name);
      }
      if (!read.containsKey(name)) {
        read.put(name, fromEngine(() -> task.getVariable(name)));
      }
      return read.get(name);
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && (submitted.containsKey(name)
          || fromEngine(() -> task.hasVariable(name)));
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      Map<String, Object> all = new HashMap<>(fromEngine(task::getVariables));
      all.putAll(submitted);
      return all.entrySet();
    }

    /** Reads from the task, without the person's authorization checks inside a command. */
    private <T> T fromEngine(Supplier<T> read) {
      return context == null ? read.get() : context.runWithoutAuthorization(read::get);
    }
  }
}

package org.guardian.system;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.guardian.workflow.SystemEngineCalls;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Clear answers when two people work the same task on the engine REST API. Out of the box a lost
 * race is a 500 ("Entity was updated by another transaction concurrently", "task is null"); here:
 *
 * <ul>
 *   <li>409 when the task was completed meanwhile, or another change won the race (optimistic
 *       locking), or someone else claimed it first — told only to a person who could work the task
 *       (its assignee, a candidate, or an administrator, from the task's history);
 *   <li>404 when the task never existed, or the caller never could have worked it;
 *   <li>404 when reading the variables or the form of a task that is done (someone completed it
 *       between the task list and the read; found by the two-node load test).
 *   <li>The same answers when the engine fails with a {@code NullPointerException} because the task
 *       went while it was being read: with authorization checks on, a read of a task's variable
 *       finds the task, then checks the caller's permission on the task's execution, which a
 *       completion on another node has removed and committed in between ({@code
 *       AuthorizationCommandChecker.checkTaskPermission}; Camunda's answer was a 500, seen once in
 *       the two-node load test on PostgreSQL). Any other {@code NullPointerException} keeps
 *       Camunda's 500.
 * </ul>
 *
 * Nothing is changed by the losing request: the engine rolled its transaction back. Everything
 * else keeps Camunda's own answer.
 */
@Configuration
class EngineRestConflicts {

  private static final Pattern TASK_WORK =
      Pattern.compile(".*/task/([^/]+)/(complete|submit-form|claim|unclaim|resolve|assignee|delegate)$");
  /** Reading a task's variables or form (Camunda: 500 "task is null" once the task is done). */
  private static final Pattern TASK_READ = Pattern.compile(
      ".*/task/([^/]+)/(variables|localVariables|form-variables|form|rendered-form|deployed-form)"
          + "(/[^/]+)?$");

  @Bean
  ResourceConfigCustomizer engineRestConflictMappers(ProcessEngine engine,
      SystemEngineCalls system) {
    return config -> {
      config.register(new ForRestExceptions(engine, system));
      config.register(new ForEngineExceptions(engine, system));
      config.register(new ForVanishedTasks(engine, system));
    };
  }

  /**
   * Answers a failure on a task with {@link #taskConflict}, or else as Camunda's own mapper for
   * that kind of failure does.
   */
  abstract static class TaskConflictMapper<E extends Throwable> implements ExceptionMapper<E> {
    @Context HttpServletRequest request;
    private final ProcessEngine engine;
    private final SystemEngineCalls system;
    private final ExceptionMapper<? super E> camunda;

    TaskConflictMapper(ProcessEngine engine, SystemEngineCalls system,
        ExceptionMapper<? super E> camunda) {
      this.engine = engine;
      this.system = system;
      this.camunda = camunda;
    }

    @Override
    public Response toResponse(E e) {
      Response conflict = taskConflict(engine, system, request, e);
      return conflict != null ? conflict : camunda.toResponse(e);
    }
  }

  /** Camunda wraps most failures of task commands in a RestException. */
  @Priority(1)
  static class ForRestExceptions extends TaskConflictMapper<RestException> {
    ForRestExceptions(ProcessEngine engine, SystemEngineCalls system) {
      super(engine, system, new RestExceptionHandler());
    }
  }

  /** Claims and other commands let engine exceptions through. */
  @Priority(1)
  static class ForEngineExceptions extends TaskConflictMapper<ProcessEngineException> {
    ForEngineExceptions(ProcessEngine engine, SystemEngineCalls system) {
      super(engine, system, new ProcessEngineExceptionHandler());
    }
  }

  /** A task that went in the middle of a command on it (see above). */
  @Priority(1)
  static class ForVanishedTasks extends TaskConflictMapper<NullPointerException> {
    ForVanishedTasks(ProcessEngine engine, SystemEngineCalls system) {
      super(engine, system, new ExceptionHandler());
    }
  }

  /** What the engine knows of the task, looked up without the caller's authorizations. */
  private record TaskState(boolean running, boolean done, boolean entitled) {}

  static Response taskConflict(ProcessEngine engine, SystemEngineCalls system,
      HttpServletRequest request, Throwable e) {
    if (request == null) {
      return null;
    }
    Matcher read = TASK_READ.matcher(request.getRequestURI());
    if (read.matches() && "GET".equals(request.getMethod())) {
      String id = read.group(1);
      boolean running = system.call(
          () -> engine.getTaskService().createTaskQuery().taskId(id).count() > 0);
      return running ? null : answer(404, "TaskNotFound", "任务不存在或已办理完毕");
    }
    Matcher m = TASK_WORK.matcher(request.getRequestURI());
    if (!m.matches()) {
      return null;
    }
    String taskId = m.group(1);
    if (causedBy(e, TaskAlreadyClaimedException.class)) {
      return answer(409, "TaskConflict", "该任务已被他人认领，请刷新任务列表");
    }
    // look the task up without the caller's authorizations, which may not cover its history
    Authentication caller = engine.getIdentityService().getCurrentAuthentication();
    TaskState state = system.call(() -> {
      boolean running = engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0;
      HistoricTaskInstance done = running ? null : engine.getHistoryService()
          .createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
      return new TaskState(running, done != null,
          done != null && wasEntitled(engine, taskId, done, caller));
    });
    if (isAuthorizationProblem(e)) {
      // the task's grants go with the task: a person who could work it and lost the race to
      // complete it is told so; anybody else keeps Camunda's 403
      return state.entitled() ? answer(409, "TaskConflict", "该任务已由他人办理完毕，未作任何修改")
          : null;
    }
    if (!state.running()) {
      if (state.done() && state.entitled()) {
        return answer(409, "TaskConflict", "该任务已由他人办理完毕，未作任何修改");
      }
      return answer(404, "TaskNotFound", "任务不存在");
    }
    if (causedBy(e, OptimisticLockingException.class)) {
      return answer(409, "TaskConflict", "该任务刚被他人修改，未作任何修改，请刷新后重试");
    }
    return null;
  }

  /** Whether the caller was the task's assignee or one of its candidates (from the history). */
  private static boolean wasEntitled(ProcessEngine engine, String taskId,
      HistoricTaskInstance task, Authentication caller) {
    if (caller == null) {
      return true;
    }
    if (caller.getUserId().equals(task.getAssignee())) {
      return true;
    }
    java.util.List<String> groups = caller.getGroupIds() == null ? java.util.List.of()
        : caller.getGroupIds();
    if (engine.getProcessEngineConfiguration() instanceof
        org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl cfg
        && cfg.getAdminGroups() != null
        && groups.stream().anyMatch(cfg.getAdminGroups()::contains)) {
      return true;
    }
    return engine.getHistoryService().createHistoricIdentityLinkLogQuery().taskId(taskId).list()
        .stream().anyMatch(link -> caller.getUserId().equals(link.getUserId())
            || (link.getGroupId() != null && groups.contains(link.getGroupId())));
  }

  private static boolean isAuthorizationProblem(Throwable e) {
    return causedBy(e, org.camunda.bpm.engine.AuthorizationException.class)
        || (e instanceof RestException r && r.getStatus() != null
            && (r.getStatus().getStatusCode() == 403 || r.getStatus().getStatusCode() == 401));
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static Response answer(int status, String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    body.put("code", status == 409 ? 1 : 0);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}

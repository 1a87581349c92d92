package org.guardian.policy;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/**
 * What a running instance holds that a migration must not lose: its open tasks (id, step,
 * assignee, candidate groups, due date), its variables, and its timers (job id and due date per
 * step). Two snapshots are equal when nothing was lost or changed.
 */
public record InstanceSnapshot(Map<String, OpenTask> tasks, Map<String, Object> variables,
    Map<String, TimerJob> timers) {

  public record OpenTask(String id, String step, String assignee, Set<String> candidateGroups,
      Date due) {}

  public record TimerJob(String id, Date due) {}

  public static InstanceSnapshot of(ProcessEngine engine, String processInstanceId) {
    Map<String, OpenTask> tasks = new TreeMap<>();
    for (Task t : engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .list()) {
      Set<String> groups = new TreeSet<>();
      for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(t.getId())) {
        if (link.getGroupId() != null) {
          groups.add(link.getGroupId());
        }
      }
      tasks.put(t.getId(), new OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getAssignee(),
          groups, t.getDueDate()));
    }
    Map<String, TimerJob> timers = new TreeMap<>();
    for (Job j : engine.getManagementService().createJobQuery()
        .processInstanceId(processInstanceId).timers().list()) {
      String step = engine.getManagementService().createJobDefinitionQuery()
          .jobDefinitionId(j.getJobDefinitionId()).singleResult().getActivityId();
      timers.put(step + "#" + j.getId(), new TimerJob(j.getId(), j.getDuedate()));
    }
    return new InstanceSnapshot(tasks, new TreeMap<>(engine.getRuntimeService()
        .getVariables(processInstanceId)), timers);
  }

  /** Runs a batch as the job executor would: seed job, batch jobs, monitor job. */
  public static void runBatch(ManagementService management, String batchId) {
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    for (String definition : List.of(batch.getSeedJobDefinitionId(),
        batch.getBatchJobDefinitionId(), batch.getMonitorJobDefinitionId())) {
      for (Job job : management.createJobQuery().jobDefinitionId(definition).list()) {
        management.executeJob(job.getId());
      }
    }
  }
}

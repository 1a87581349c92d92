package org.guardian;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Runs the due jobs (async continuations, timers) of a process instance and of the instances it
 * called, as the job executor would (it is off in tests). Jobs of other tests' instances are left
 * alone.
 */
public final class ProcessJobs {

  private ProcessJobs() {}

  /** Executes due jobs of the instance tree until none is due; returns how many ran. */
  public static int run(ProcessEngine engine, String rootProcessInstanceId) {
    ManagementService management = engine.getManagementService();
    int ran = 0;
    for (int round = 0; round < 50; round++) {
      List<Job> due = new ArrayList<>();
      for (String id : tree(engine.getRuntimeService(), rootProcessInstanceId)) {
        due.addAll(management.createJobQuery().processInstanceId(id).executable().list());
      }
      if (due.isEmpty()) {
        return ran;
      }
      for (Job job : due) {
        management.executeJob(job.getId());
        ran++;
      }
    }
    throw new IllegalStateException("jobs keep coming for " + rootProcessInstanceId);
  }

  /** The instance and every instance below it (call activities). */
  public static List<String> tree(RuntimeService runtime, String rootProcessInstanceId) {
    List<String> ids = new ArrayList<>();
    List<String> todo = new ArrayList<>(List.of(rootProcessInstanceId));
    while (!todo.isEmpty()) {
      String id = todo.remove(0);
      ids.add(id);
      for (ProcessInstance sub : runtime.createProcessInstanceQuery().superProcessInstanceId(id)
          .list()) {
        todo.add(sub.getId());
      }
    }
    return ids;
  }
}

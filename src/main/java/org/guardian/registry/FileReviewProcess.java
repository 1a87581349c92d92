package org.guardian.registry;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.guardian.common.FieldProblem;
import org.guardian.workflow.TaskCompletionRule;
import org.guardian.workflow.TaskSubmission;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The review of a new child's file by the township's child supervisor ({@code
 * child-file-review}): started in the same transaction as the file, so a file is never left without
 * its review; its delegates record the outcome on the file.
 */
@Configuration
class FileReviewProcess {

  private final RuntimeService runtime;
  private final ChildService children;

  FileReviewProcess(RuntimeService runtime, ChildService children) {
    this.runtime = runtime;
    this.children = children;
  }

  @EventListener
  void on(ChildRegistered event) {
    if (!event.needsReview()) {
      return;
    }
    runtime.startProcessInstanceByKey(FileReview.KEY, String.valueOf(event.childId()),
        children.processVariables(event.childId()));
  }

  @Bean
  JavaDelegate markChildFileReviewed(ChildService children) {
    return execution -> children.changeFileStatus(childId(execution), FileStatus.REVIEWED);
  }

  @Bean
  JavaDelegate markChildFileReturned(ChildService children) {
    return execution -> children.changeFileStatus(childId(execution), FileStatus.RETURNED);
  }

  /** A file returned for correction must say what to correct. */
  @Bean
  TaskCompletionRule returnNeedsComment() {
    return new TaskCompletionRule() {
      @Override
      public boolean appliesTo(String processKey, String taskKey) {
        return FileReview.KEY.equals(processKey) && FileReview.TASK_REVIEW.equals(taskKey);
      }

      @Override
      public List<FieldProblem> check(TaskSubmission submission) {
        Object comment = submission.variable(FileReview.Var.REVIEW_COMMENT);
        if (FileReview.Var.RETURNED.equals(submission.variable(FileReview.Var.REVIEW_DECISION))
            && (!(comment instanceof String s) || s.trim().length() < 5)) {
          return List.of(new FieldProblem(FileReview.Var.REVIEW_COMMENT,
              "退回补正时须写明需要补正的内容（至少5个字）"));
        }
        return List.of();
      }
    };
  }

  private static long childId(DelegateExecution execution) {
    return ((Number) execution.getVariable(FileReview.Var.CHILD_ID)).longValue();
  }
}

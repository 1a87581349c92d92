package org.guardian.registry;

/** Keys, variables and element ids of the process {@code child-file-review}. */
public final class FileReview {

  public static final String KEY = "child-file-review";

  public static final String TASK_REVIEW = "Task_ReviewChildFile";
  public static final String TASK_CORRECT = "Task_CorrectChildFile";

  private FileReview() {}

  /** Process variable names. */
  public static final class Var {
    public static final String CHILD_ID = "childId";
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_COMMENT = "reviewComment";
    public static final String CORRECTION_NOTE = "correctionNote";

    public static final String APPROVED = "approved";
    public static final String RETURNED = "returned";

    private Var() {}
  }
}

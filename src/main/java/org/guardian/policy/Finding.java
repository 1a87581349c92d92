package org.guardian.policy;

/**
 * One problem the {@link ModelValidator} found in a model: the file, the element (a BPMN element
 * id, a DMN decision or rule id, a form field key), the rule it breaks (see docs/policy-guide.md)
 * and a message in Chinese for the policy team. Errors refuse a deployment; warnings are reported
 * with it.
 */
public record Finding(String file, String elementId, String rule, Severity severity,
    String message) {

  /** How serious a finding is. */
  public enum Severity {
    /** The upload is refused. */
    ERROR,
    /** Reported, but does not refuse the upload (for example an entry that cannot be analysed). */
    WARNING
  }

  static Finding error(String file, String elementId, String rule, String message) {
    return new Finding(file, elementId, rule, Severity.ERROR, message);
  }

  static Finding warning(String file, String elementId, String rule, String message) {
    return new Finding(file, elementId, rule, Severity.WARNING, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** One line: {@code file / element [rule] message}. */
  @Override
  public String toString() {
    return file + (elementId == null ? "" : " / " + elementId) + " [" + rule + "] "
        + (severity == Severity.WARNING ? "（警告）" : "") + message;
  }
}

package org.guardian.common;

import java.util.List;

/** Input that breaks a domain rule; answered with 400 and an RFC 7807 body naming each field. */
public class InvalidInputException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidInputException(List<FieldProblem> problems) {
    super("invalid input: " + problems.stream().map(FieldProblem::field).toList());
    this.problems = List.copyOf(problems);
  }

  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}

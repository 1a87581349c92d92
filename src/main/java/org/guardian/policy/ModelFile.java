package org.guardian.policy;

import java.util.Locale;

/** A file of an upload: a BPMN diagram, a DMN decision table or a Camunda Form. */
public record ModelFile(String name, byte[] content) {

  /** What kind of model a file is, by its name. */
  public enum Kind { BPMN, DMN, FORM, OTHER }

  public ModelFile {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a model file needs a name");
    }
    content = content == null ? new byte[0] : content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  public Kind kind() {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".bpmn") || n.endsWith(".bpmn20.xml")) {
      return Kind.BPMN;
    }
    if (n.endsWith(".dmn") || n.endsWith(".dmn11.xml")) {
      return Kind.DMN;
    }
    if (n.endsWith(".form")) {
      return Kind.FORM;
    }
    return Kind.OTHER;
  }
}

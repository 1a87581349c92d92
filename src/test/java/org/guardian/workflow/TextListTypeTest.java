package org.guardian.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.spin.DataFormats;
import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.junit.jupiter.api.Test;

/**
 * A list of texts is stored under a type name that is a class, so that reading it back does not
 * search the class path for a class named {@code java.util.ArrayList<java.lang.String>}.
 */
class TextListTypeTest {

  private final JacksonJsonDataFormat json = (JacksonJsonDataFormat) DataFormats.json();

  @Test
  void aListOfTextsIsNamedArrayListAndReadsBackAsTheSameTexts() throws Exception {
    ArrayList<String> services = new ArrayList<>(List.of("心理疏导", "助学"));
    String type = json.getMapper().getCanonicalTypeName(services);
    assertThat(type).isEqualTo("java.util.ArrayList");
    assertThat(Class.forName(type)).isEqualTo(ArrayList.class);

    Object back = json.getMapper().mapInternalToJava(json.getMapper().mapJavaToInternal(services),
        type);
    assertThat(back).isInstanceOf(ArrayList.class).isEqualTo(services);
  }

  @Test
  void otherListsKeepSpinsNames() {
    assertThat(json.getMapper().getCanonicalTypeName(new ArrayList<>(List.of(Map.of("a", 1)))))
        .startsWith("java.util.ArrayList<");
    assertThat(json.getMapper().getCanonicalTypeName(new ArrayList<>()))
        .isEqualTo("java.util.ArrayList<java.lang.Object>");
  }
}

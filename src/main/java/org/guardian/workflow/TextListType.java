package org.guardian.workflow;

import java.util.ArrayList;
import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.camunda.spin.spi.DataFormatConfigurator;
import org.camunda.spin.spi.TypeDetector;

/**
 * Lists of texts (the checklists of the forms: a case plan's services, departments, measures)
 * are stored as JSON under the type name {@code java.util.ArrayList} instead of Spin's default
 * {@code java.util.ArrayList<java.lang.String>}.
 *
 * <p>Reading a JSON variable, Spin first tries its type name as a class name: the generic name is
 * no class, so every read of such a list searched every jar of the class path (about 250) before
 * Spin parsed the name as a generic type: about 1 % of the node's CPU in the bench
 * (docs/benchmarks.md). Read back under the plain name the list holds the same texts. Lists
 * stored before keep their name and read as before. Registered for Spin in
 * {@code META-INF/services/org.camunda.spin.spi.DataFormatConfigurator}.
 */
public final class TextListType implements DataFormatConfigurator<JacksonJsonDataFormat> {

  static final String TYPE_NAME = ArrayList.class.getName();

  @Override
  public Class<JacksonJsonDataFormat> getDataFormatClass() {
    return JacksonJsonDataFormat.class;
  }

  @Override
  public void configure(JacksonJsonDataFormat format) {
    format.addTypeDetector(new TypeDetector() {
      @Override
      public boolean canHandle(Object object) {
        return object instanceof ArrayList<?> list && !list.isEmpty()
            && list.stream().allMatch(String.class::isInstance);
      }

      @Override
      public String detectType(Object object) {
        return TYPE_NAME;
      }
    });
  }
}

package org.guardian.system;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Text from query parameters, path variables and page forms may not hold a NUL character:
 * PostgreSQL cannot store or compare it and answers with a server error. Such a value is a binding
 * error like any other wrong value (400 naming the parameter, or the form shown again with the
 * field marked). JSON bodies: {@link JsonInput}.
 */
@ControllerAdvice
class TextParameters {

  @InitBinder
  void refuseNul(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
      @Override
      public void setAsText(String text) {
        if (text != null && text.indexOf('\u0000') >= 0) {
          throw new IllegalArgumentException("text holds a NUL character");
        }
        setValue(text);
      }
    });
  }
}

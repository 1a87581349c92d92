package org.guardian.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON input is taken as typed (both found by the bad-input harness):
 *
 * <ul>
 *   <li>a number or a boolean where text is expected is refused (400 naming the field) instead of
 *       being turned into text: {@code allow-coercion-of-scalars: false} (application.yaml) covers
 *       text into numbers and booleans, this covers the other way, which Jackson allows by default
 *       (a report whose organisation name was the number 12345 was stored);
 *   <li>text holding a NUL character is refused: PostgreSQL cannot store it and answered with a
 *       server error.
 * </ul>
 */
@Configuration
class JsonInput {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer noScalarsAsText() {
    return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }

  @Bean
  Module noNulInText() {
    SimpleModule module = new SimpleModule("guardian-text");
    module.addDeserializer(String.class, new NoNul());
    return module;
  }

  static final class NoNul extends StdScalarDeserializer<String> {
    NoNul() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String s = StringDeserializer.instance.deserialize(p, ctxt);
      if (s != null && s.indexOf('\u0000') >= 0) {
        throw InvalidFormatException.from(p, "text holds a NUL character", null, String.class);
      }
      return s;
    }
  }
}

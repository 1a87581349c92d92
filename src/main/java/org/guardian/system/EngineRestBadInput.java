package org.guardian.system;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Malformed JSON sent to the engine REST API is a 400 in Camunda's error format ({@code type},
 * {@code message}), like every other refusal of that API, instead of the JSON provider's plain-text
 * answer that echoes the parser's message (found by the form-submission harness). The message
 * names no submitted content.
 */
@Configuration
class EngineRestBadInput {

  @Bean
  ResourceConfigCustomizer engineRestJsonErrors() {
    return config -> {
      config.register(new ForParseErrors());
      config.register(new ForMappingErrors());
    };
  }

  @Priority(1)
  static class ForParseErrors implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException e) {
      return badJson("请求内容不是有效的JSON");
    }
  }

  @Priority(1)
  static class ForMappingErrors implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException e) {
      return badJson("请求内容的结构不正确");
    }
  }

  static Response badJson(String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidRequestException");
    body.put("message", message);
    body.put("code", null);
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body).build();
  }
}

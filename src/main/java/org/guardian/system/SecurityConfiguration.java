package org.guardian.system;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.guardian.people.CamundaIdentityAuthenticationProvider;
import org.guardian.people.SignedInEngineAuthentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for everything, checked against Camunda's identity service:
 *
 * <ul>
 *   <li>{@code /api/**} and {@code /engine-rest/**}: HTTP Basic, no session, no CSRF token (nothing
 *       is authenticated by a cookie there). The engine REST API then runs as the signed-in person,
 *       so Camunda's authorization checks apply to it.
 *   <li>Everything else (the Camunda webapps under {@code /camunda}, {@code /dashboard}): a login
 *       page and a session. The webapps take the person from the session (container-based
 *       authentication), so there is no second login.
 *   <li>Public: the login page, the public report page {@code /report}, health.
 * </ul>
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

  private static final String CAMUNDA_LOGOUT = "/camunda/api/admin/auth/user/default/logout";

  /**
   * Paths are matched on the request path, whatever servlet serves them (the engine REST API is a
   * Jersey servlet, not Spring MVC).
   */
  private static RequestMatcher paths(String... patterns) {
    PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
    RequestMatcher[] matchers = new RequestMatcher[patterns.length];
    for (int i = 0; i < patterns.length; i++) {
      matchers[i] = builder.matcher(patterns[i]);
    }
    return new OrRequestMatcher(matchers);
  }

  /** Engine REST requests skip Spring MVC's handler look-up in front of the filter chain. */
  @Bean
  static EngineRestWithoutMvcLookUp engineRestWithoutMvcLookUp() {
    return new EngineRestWithoutMvcLookUp();
  }

  @Bean
  AuthenticationManager authenticationManager(CamundaIdentityAuthenticationProvider provider) {
    return new ProviderManager(provider);
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager manager) throws Exception {
    http.securityMatcher(paths("/api/**", "/engine-rest/**"))
        .authenticationManager(manager)
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(problemEntryPoint()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .exceptionHandling(e -> e.authenticationEntryPoint(problemEntryPoint()));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webChain(HttpSecurity http, AuthenticationManager manager) throws Exception {
    http.authenticationManager(manager)
        .authorizeHttpRequests(a -> a
            .requestMatchers(paths("/login", "/report", "/report/**", "/css/**", "/js/**",
                "/favicon.ico", "/error", "/actuator/health/**", "/actuator/health"))
            .permitAll()
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(l -> l
            .logoutRequestMatcher(new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout"),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, CAMUNDA_LOGOUT)))
            .logoutSuccessHandler((request, response, auth) -> {
              if (request.getRequestURI().endsWith(CAMUNDA_LOGOUT)) {
                response.setStatus(HttpServletResponse.SC_OK);
              } else {
                response.sendRedirect(request.getContextPath() + "/login?logout");
              }
            }))
        // the Camunda webapps protect their own API with their CSRF filter
        .csrf(c -> c.ignoringRequestMatchers(paths("/camunda/**")))
        .headers(h -> h.frameOptions(f -> f.sameOrigin()));
    return http.build();
  }

  /** 401 with an RFC 7807 body and a Basic challenge (Chinese message, no browser session). */
  private static AuthenticationEntryPoint problemEntryPoint() {
    return (request, response, ex) -> {
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      response.setHeader("WWW-Authenticate", "Basic realm=\"Guardian\", charset=\"UTF-8\"");
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"未登录\",\"status\":401,"
          + "\"detail\":\"请使用用户名和密码登录\",\"instance\":\"" + request.getRequestURI()
          .replace("\"", "") + "\"}");
    };
  }

  /**
   * A request the firewall refuses before any endpoint sees it (a semicolon, an encoded slash
   * or backslash, a NUL in the path: the usual shapes of path traversal and of SQL in an id) is a
   * 400 with a problem body like any other bad input, instead of the container's error page. The
   * path is not echoed.
   */
  @Bean
  RequestRejectedHandler problemOnRejectedRequest() {
    return (request, response, ex) -> {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"输入有误\","
          + "\"status\":400,\"detail\":\"请求地址含有不允许的字符\","
          + "\"errors\":[{\"field\":\"path\",\"message\":\"地址含有不允许的字符\"}]}");
    };
  }

  /**
   * The engine REST API runs as the person Spring Security signed in, with the groups of that
   * sign-in.
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(
      ObjectProvider<ProcessEngine> engines) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> bean =
        new FilterRegistrationBean<>(new EngineRestAuthenticationFilter(engines));
    bean.setName("guardian-engine-rest-authentication");
    bean.setInitParameters(Map.of("authentication-provider",
        SignedInEngineAuthentication.class.getName()));
    bean.addUrlPatterns("/engine-rest/*");
    bean.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return bean;
  }

  /** The Camunda webapps take the person from the Spring Security session. */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> bean =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    bean.setName("guardian-webapp-authentication");
    bean.setInitParameters(Map.of("authentication-provider",
        SignedInEngineAuthentication.class.getName()));
    bean.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    bean.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return bean;
  }
}

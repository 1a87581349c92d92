package org.guardian.people;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The engine REST API's authentication: the person Spring Security signed in, with the groups and
 * tenants of that sign-in ({@link CamundaIdentityAuthenticationProvider}). Camunda's own
 * container-based provider passes only the name, and the engine then queries the person's groups
 * and tenants again on every request.
 */
public class SignedInEngineAuthentication implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request,
      ProcessEngine engine) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth.getName() == null
        || "anonymousUser".equals(auth.getName())) {
      return AuthenticationResult.unsuccessful();
    }
    List<String> groups = new ArrayList<>();
    List<String> tenants = new ArrayList<>();
    for (GrantedAuthority a : auth.getAuthorities()) {
      String name = a.getAuthority();
      if (name.startsWith(CurrentUser.GROUP_PREFIX)) {
        groups.add(name.substring(CurrentUser.GROUP_PREFIX.length()));
      } else if (name.startsWith(CamundaIdentityAuthenticationProvider.TENANT_PREFIX)) {
        tenants.add(name.substring(CamundaIdentityAuthenticationProvider.TENANT_PREFIX.length()));
      }
    }
    AuthenticationResult result = AuthenticationResult.successful(auth.getName());
    result.setGroups(groups);
    result.setTenants(tenants);
    return result;
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response,
      ProcessEngine engine) {
    // Spring Security answers unauthenticated requests before they get here
  }
}

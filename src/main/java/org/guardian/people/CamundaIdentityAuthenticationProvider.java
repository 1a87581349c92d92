package org.guardian.people;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs people in against Camunda's identity service, the single source of users and groups
 * (passwords are stored salted and hashed by the engine, which also locks an account after repeated
 * failures). Groups become authorities: {@code ROLE_<role>}, {@code AREA_<code>} and {@code
 * GROUP_<id>}.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  CamundaIdentityAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null
        || !identityService.checkPassword(userId, credentials.toString())) {
      throw new BadCredentialsException("用户名或密码错误");
    }
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authoritiesOf(userId));
  }

  List<GrantedAuthority> authoritiesOf(String userId) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
      String id = group.getId();
      authorities.add(new SimpleGrantedAuthority(CurrentUser.GROUP_PREFIX + id));
      if (id.startsWith(Routing.AREA_GROUP_PREFIX)) {
        authorities.add(new SimpleGrantedAuthority(
            CurrentUser.AREA_PREFIX + id.substring(Routing.AREA_GROUP_PREFIX.length())));
      } else if (Role.ofGroupId(id).isPresent()) {
        authorities.add(new SimpleGrantedAuthority(CurrentUser.ROLE_PREFIX + id));
      }
    }
    return authorities;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}

package org.guardian.people;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.beans.factory.annotation.Value;
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
 * GROUP_<id>}; tenants {@code TENANT_<id>}.
 *
 * <p>The API is stateless (HTTP Basic on every request), so a sign-in that succeeded is kept for
 * {@code guardian.security.login-cache} (default one minute; {@code 0s} turns it off): the same
 * user with the same password within that time is signed in without the engine's password check
 * and group queries. What is kept is an HMAC of the password under a key made at start-up, never
 * the password. Any other password for the user goes to the engine (which counts the failure) and
 * drops the user's entry; every change of users, groups, memberships or tenants made through the
 * engine on this node (Admin webapp, engine REST, Guardian) empties the cache when it commits
 * ({@link IdentityChanges}). Another node of a cluster sees such a change within the cache time.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  /** Authority prefix of the tenants the person belongs to (Guardian has none yet). */
  public static final String TENANT_PREFIX = "TENANT_";

  private record SignIn(byte[] passwordMac, List<GrantedAuthority> authorities) {}

  private final IdentityService identityService;
  private final Cache<String, SignIn> signIns;
  private final SecretKeySpec macKey;

  CamundaIdentityAuthenticationProvider(IdentityService identityService,
      @Value("${guardian.security.login-cache:PT1M}") Duration cacheTime) {
    this.identityService = identityService;
    this.signIns = Caffeine.newBuilder().maximumSize(20_000)
        .expireAfterWrite(cacheTime.isNegative() ? Duration.ZERO : cacheTime).build();
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.macKey = new SecretKeySpec(key, "HmacSHA256");
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null) {
      throw new BadCredentialsException("用户名或密码错误");
    }
    String password = credentials.toString();
    byte[] mac = mac(userId, password);
    SignIn known = signIns.getIfPresent(userId);
    if (known != null && MessageDigest.isEqual(known.passwordMac(), mac)) {
      return UsernamePasswordAuthenticationToken.authenticated(userId, null, known.authorities());
    }
    signIns.invalidate(userId);
    if (!identityService.checkPassword(userId, password)) {
      throw new BadCredentialsException("用户名或密码错误");
    }
    List<GrantedAuthority> authorities = List.copyOf(authoritiesOf(userId));
    signIns.put(userId, new SignIn(mac, authorities));
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
  }

  /** Forgets every kept sign-in: users, groups or memberships changed. */
  public void forgetSignIns() {
    signIns.invalidateAll();
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
    for (Tenant tenant : identityService.createTenantQuery().userMember(userId)
        .includingGroupsOfUser(true).list()) {
      authorities.add(new SimpleGrantedAuthority(TENANT_PREFIX + tenant.getId()));
    }
    return authorities;
  }

  private byte[] mac(String userId, String password) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(macKey);
      hmac.update(userId.getBytes(StandardCharsets.UTF_8));
      hmac.update((byte) 0);
      return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 not available", e);
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}

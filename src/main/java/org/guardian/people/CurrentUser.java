package org.guardian.people;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The person making the current request, with the roles and areas taken from their Camunda groups.
 * A person may act on children whose village code starts with one of their area codes.
 */
public record CurrentUser(String id, Set<Role> roles, Set<String> areaCodes) {

  /** Authority prefix of role groups, so that {@code hasRole("station-chief")} works. */
  public static final String ROLE_PREFIX = "ROLE_";
  /** Authority prefix of area groups. */
  public static final String AREA_PREFIX = "AREA_";
  /** Authority prefix of every group the person belongs to. */
  public static final String GROUP_PREFIX = "GROUP_";

  public static final String SYSTEM = "system";

  public CurrentUser {
    roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    areaCodes = Set.copyOf(areaCodes);
  }

  /** The person of the current request, or the system when no one is signed in (jobs, start-up). */
  public static CurrentUser get() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth.getName() == null
        || "anonymousUser".equals(auth.getName())) {
      return system();
    }
    return of(auth.getName(), auth.getAuthorities());
  }

  public static CurrentUser system() {
    return new CurrentUser(SYSTEM, EnumSet.of(Role.ADMIN), Set.of());
  }

  static CurrentUser of(String id, Collection<? extends GrantedAuthority> authorities) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Set<String> areas = new LinkedHashSet<>();
    for (GrantedAuthority a : authorities) {
      String name = a.getAuthority();
      if (name.startsWith(ROLE_PREFIX)) {
        Role.ofGroupId(name.substring(ROLE_PREFIX.length())).ifPresent(roles::add);
      } else if (name.startsWith(AREA_PREFIX)) {
        areas.add(name.substring(AREA_PREFIX.length()));
      }
    }
    return new CurrentUser(id, roles, areas);
  }

  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  public boolean hasAnyRole(Role... wanted) {
    for (Role r : wanted) {
      if (roles.contains(r)) {
        return true;
      }
    }
    return false;
  }

  /** True when the area (a village, township or county code) lies within one of the person's areas. */
  public boolean covers(String areaCode) {
    if (isAdmin()) {
      return true;
    }
    if (areaCode == null) {
      return false;
    }
    return areaCodes.stream().anyMatch(areaCode::startsWith);
  }
}

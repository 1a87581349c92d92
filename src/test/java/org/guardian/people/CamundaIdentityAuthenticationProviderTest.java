package org.guardian.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Kept sign-ins, against a stand-in identity service: which sign-ins reach the engine. */
class CamundaIdentityAuthenticationProviderTest {

  private static Authentication login(String user, String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
  }

  private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);

  private CamundaIdentityAuthenticationProvider provider(Duration keep) {
    Group role = mock(Group.class);
    when(role.getId()).thenReturn("station-chief");
    Group routing = mock(Group.class);
    when(routing.getId()).thenReturn("station-chief@371330101");
    when(identity.createGroupQuery().groupMember(anyString()).list())
        .thenReturn(List.of(role, routing));
    when(identity.createTenantQuery().userMember(anyString()).includingGroupsOfUser(true)
        .list()).thenReturn(List.of());
    when(identity.checkPassword("chief-101", "right")).thenReturn(true);
    return new CamundaIdentityAuthenticationProvider(identity, keep);
  }

  @Test
  void theSamePasswordAgainIsNotCheckedByTheEngine() {
    CamundaIdentityAuthenticationProvider p = provider(Duration.ofMinutes(1));
    for (int i = 0; i < 5; i++) {
      Authentication a = p.authenticate(login("chief-101", "right"));
      assertThat(a.getAuthorities()).extracting(Object::toString)
          .contains("ROLE_station-chief", "GROUP_station-chief@371330101");
    }
    verify(identity, times(1)).checkPassword("chief-101", "right");
  }

  @Test
  void anotherPasswordGoesToTheEngineAndDropsTheKeptSignIn() {
    CamundaIdentityAuthenticationProvider p = provider(Duration.ofMinutes(1));
    p.authenticate(login("chief-101", "right"));
    assertThatThrownBy(() -> p.authenticate(login("chief-101", "wrong")))
        .isInstanceOf(BadCredentialsException.class);
    verify(identity).checkPassword("chief-101", "wrong");
    // the engine counted the failure and may have locked the account: ask it again
    p.authenticate(login("chief-101", "right"));
    verify(identity, times(2)).checkPassword("chief-101", "right");
  }

  @Test
  void forgottenOrNotKeptSignInsGoToTheEngine() {
    CamundaIdentityAuthenticationProvider p = provider(Duration.ofMinutes(1));
    p.authenticate(login("chief-101", "right"));
    p.forgetSignIns();
    p.authenticate(login("chief-101", "right"));
    verify(identity, times(2)).checkPassword("chief-101", "right");

    CamundaIdentityAuthenticationProvider off = provider(Duration.ZERO);
    off.authenticate(login("chief-101", "right"));
    off.authenticate(login("chief-101", "right"));
    verify(identity, times(4)).checkPassword("chief-101", "right");
  }

  @Test
  void aPasswordOfAnotherUserIsNotTakenForThisOne() {
    CamundaIdentityAuthenticationProvider p = provider(Duration.ofMinutes(1));
    p.authenticate(login("chief-101", "right"));
    assertThatThrownBy(() -> p.authenticate(login("chief-102", "right")))
        .isInstanceOf(BadCredentialsException.class);
  }
}

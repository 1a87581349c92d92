package org.guardian.people;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile, Guardian refuses to start while any person can sign in with a default
 * password ({@code demo}, {@code admin}, {@code password}, ... or the configured demo password), so
 * demo credentials never reach production. Passwords are compared with the engine's password
 * manager, without counting as failed logins.
 */
@Component
class DefaultPasswordGuard implements SmartInitializingSingleton {

  static final List<String> DEFAULT_PASSWORDS = List.of("demo", "admin", "password", "123456",
      "guardian", "camunda");

  private final IdentityService identityService;
  private final ProcessEngineConfiguration configuration;
  private final Environment environment;
  private final String demoPassword;

  DefaultPasswordGuard(IdentityService identityService, ProcessEngineConfiguration configuration,
      Environment environment, @Value("${guardian.demo.password:demo}") String demoPassword) {
    this.identityService = identityService;
    this.configuration = configuration;
    this.environment = environment;
    this.demoPassword = demoPassword;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (!environment.acceptsProfiles(Profiles.of("demo"))) {
      List<String> users = usersWithDefaultPasswords();
      if (!users.isEmpty()) {
        throw new IllegalStateException("Refusing to start outside the demo profile: "
            + users.size() + " user(s) can sign in with a default password (" + users
            + "); change their passwords in the Admin webapp or with the demo profile first");
      }
    }
  }

  /** The ids of the people whose password is a default one (ids only, never passwords). */
  List<String> usersWithDefaultPasswords() {
    PasswordManager passwords =
        ((ProcessEngineConfigurationImpl) configuration).getPasswordManager();
    List<String> candidates = new java.util.ArrayList<>(DEFAULT_PASSWORDS);
    if (!candidates.contains(demoPassword)) {
      candidates.add(demoPassword);
    }
    List<String> found = new java.util.ArrayList<>();
    for (User user : identityService.createUserQuery().list()) {
      if (user instanceof UserEntity entity && entity.getPassword() != null) {
        for (String candidate : candidates) {
          String salted = EncryptionUtil.saltPassword(candidate, entity.getSalt());
          if (passwords.check(salted, entity.getPassword())) {
            found.add(user.getId());
            break;
          }
        }
      }
    }
    return found;
  }
}

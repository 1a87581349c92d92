package org.guardian.people;

import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTenantCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Empties the kept sign-ins ({@link CamundaIdentityAuthenticationProvider}) when a command that
 * changes users, groups, memberships or tenants commits: a sign-in made with the old data before
 * then, even while the command ran, is not kept.
 */
final class IdentityChanges extends CommandInterceptor {

  static final Set<Class<?>> CHANGES = Set.of(SaveUserCmd.class, DeleteUserCmd.class,
      UnlockUserCmd.class, SaveGroupCmd.class, DeleteGroupCmd.class, CreateMembershipCmd.class,
      DeleteMembershipCmd.class, SaveTenantCmd.class, DeleteTenantCmd.class,
      CreateTenantUserMembershipCmd.class, DeleteTenantUserMembershipCmd.class,
      CreateTenantGroupMembershipCmd.class, DeleteTenantGroupMembershipCmd.class);

  private final Supplier<CamundaIdentityAuthenticationProvider> signIns;

  IdentityChanges(Supplier<CamundaIdentityAuthenticationProvider> signIns) {
    this.signIns = signIns;
  }

  @Override
  public <T> T execute(Command<T> command) {
    T result = next.execute(command);
    if (CHANGES.contains(command.getClass())) {
      // a sign-in kept before the change, or made with the old data while the change was not yet
      // committed, is forgotten once the change is visible to everybody
      Context.getCommandContext().getTransactionContext().addTransactionListener(
          TransactionState.COMMITTED, committed -> signIns.get().forgetSignIns());
    }
    return result;
  }
}

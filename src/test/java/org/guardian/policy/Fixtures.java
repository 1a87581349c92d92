package org.guardian.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Test models of src/test/resources/policy (never auto-deployed), read as uploads. */
public final class Fixtures {

  public static final Path ROOT = Path.of("src/test/resources/policy/fixtures");

  private Fixtures() {}

  /** Every file of a fixture folder, e.g. {@code v1}. */
  public static List<ModelFile> folder(String name) {
    return files(ROOT.resolve(name));
  }

  public static List<ModelFile> files(Path dir) {
    try (Stream<Path> paths = Files.list(dir)) {
      List<ModelFile> out = new ArrayList<>();
      for (Path p : paths.sorted().toList()) {
        if (Files.isRegularFile(p)) {
          out.add(new ModelFile(p.getFileName().toString(), Files.readAllBytes(p)));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The upload with one file's text changed. */
  public static List<ModelFile> change(List<ModelFile> upload, String file, UnaryOperator<String> edit) {
    boolean found = false;
    List<ModelFile> out = new ArrayList<>();
    for (ModelFile f : upload) {
      if (f.name().equals(file)) {
        String text = new String(f.content(), StandardCharsets.UTF_8);
        String changed = edit.apply(text);
        if (changed.equals(text)) {
          throw new IllegalArgumentException("the edit changed nothing in " + file);
        }
        out.add(new ModelFile(file, changed.getBytes(StandardCharsets.UTF_8)));
        found = true;
      } else {
        out.add(f);
      }
    }
    if (!found) {
      throw new IllegalArgumentException("no file " + file);
    }
    return out;
  }

  /** The upload without one file. */
  public static List<ModelFile> without(List<ModelFile> upload, String file) {
    List<ModelFile> out = upload.stream().filter(f -> !f.name().equals(file)).toList();
    if (out.size() == upload.size()) {
      throw new IllegalArgumentException("no file " + file);
    }
    return out;
  }

  /** Replaces text that must occur exactly once. */
  public static String once(String text, String old, String replacement) {
    int first = text.indexOf(old);
    if (first < 0 || text.indexOf(old, first + 1) >= 0) {
      throw new IllegalArgumentException("not exactly once: " + old);
    }
    return text.replace(old, replacement);
  }

  public static String text(List<ModelFile> upload, String file) {
    return upload.stream().filter(f -> f.name().equals(file)).findFirst()
        .map(f -> new String(f.content(), StandardCharsets.UTF_8)).orElseThrow();
  }
}

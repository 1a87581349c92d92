package org.guardian.supervision;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The mapping of Guardian's internal codes to the national child welfare information system's code
 * lists, read from one table ({@code export/national-codes.csv}, columns {@code list,
 * guardian_code, national_code, national_name, source}). Where a national standard exists the
 * table carries its code (GB/T 2261.1 sex, GB/T 4761 family relationship); where the sources name
 * only the term (child categories, difficulty kinds, order kinds …) the national value is the
 * Chinese term and the code is empty. Areas need no table: Guardian's area codes are the
 * statistical division codes (统计用区划代码) themselves.
 *
 * <p>The table is data, not code: when the ministry's interface specification (not among the
 * project's sources) gives numeric codes, the county replaces the file — {@code
 * guardian.supervision.national-codes=file:/etc/guardian/national-codes.csv} — without a release.
 * A code without a row is an error (the export fails rather than send an unmapped value);
 * {@code NationalCodesTest} checks that every enum constant has its row.
 */
@Component
class NationalCodes {

  /** A national value: its code (null when the list has no codes) and its name. */
  record Coded(String code, String name) {}

  private final Map<String, Map<String, Coded>> lists;

  NationalCodes(@Value("${guardian.supervision.national-codes:classpath:export/national-codes.csv}")
      Resource table) {
    this.lists = read(table);
  }

  static Map<String, Map<String, Coded>> read(Resource table) {
    Map<String, Map<String, Coded>> lists = new LinkedHashMap<>();
    try (Reader in = new InputStreamReader(table.getInputStream(), StandardCharsets.UTF_8)) {
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
          .setTrim(true).get().parse(in)) {
        Map<String, Coded> list = lists.computeIfAbsent(r.get("list"), k -> new LinkedHashMap<>());
        String code = r.get("national_code");
        Coded previous = list.put(r.get("guardian_code"), new Coded(code.isEmpty() ? null : code,
            r.get("national_name")));
        if (previous != null) {
          throw new IllegalStateException("national code table: " + r.get("list") + " "
              + r.get("guardian_code") + " twice");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("national code table " + table, e);
    }
    return lists;
  }

  /** The national value of a Guardian code; null for null; an unmapped code is an error. */
  Coded of(String list, String guardianCode) {
    if (guardianCode == null) {
      return null;
    }
    Coded coded = lists.getOrDefault(list, Map.of()).get(guardianCode);
    if (coded == null) {
      throw new IllegalStateException("no national code for " + list + " " + guardianCode);
    }
    return coded;
  }

  /** The rows of one list (for tests and the documentation). */
  Map<String, Coded> list(String list) {
    return Collections.unmodifiableMap(lists.getOrDefault(list, Map.of()));
  }
}

package org.guardian.demo;

import java.util.List;
import org.guardian.people.Area;

/** The villages of the demo county, for the benchmark's seed (org.guardian.bench). */
public final class BenchCounty {

  private BenchCounty() {}

  public static List<String> villages() {
    return DemoCounty.areas().stream().map(Area::getCode)
        .filter(code -> code.length() == 12 && code.startsWith(DemoCounty.COUNTY)).sorted()
        .toList();
  }
}

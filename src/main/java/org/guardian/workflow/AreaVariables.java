package org.guardian.workflow;

import java.util.HashMap;
import java.util.Map;
import org.guardian.people.Routing;

/**
 * The process variables by which user tasks are routed to a role in the child's area (see {@link
 * Routing}): {@code villageCode}, {@code townshipCode}, {@code countyCode}.
 */
public final class AreaVariables {

  public static final String VILLAGE_CODE = "villageCode";
  public static final String TOWNSHIP_CODE = "townshipCode";
  public static final String COUNTY_CODE = "countyCode";

  private AreaVariables() {}

  /** The routing variables of a village, in a mutable map to which a caller may add. */
  public static Map<String, Object> of(String villageCode) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(VILLAGE_CODE, villageCode);
    vars.put(TOWNSHIP_CODE, Routing.township(villageCode));
    vars.put(COUNTY_CODE, Routing.county(villageCode));
    return vars;
  }
}

package org.guardian.people;

/**
 * The routing convention: how a process routes a user task to "the station chief of the child's
 * township" and the like.
 *
 * <ul>
 *   <li>Every role is a Camunda group: {@code station-chief}, {@code child-director}, ...
 *   <li>Every area is a Camunda group {@code area-<code>}: membership gives a person that area
 *       (and everything below it) for access to children's files.
 *   <li>Every role in an area is a Camunda group {@code <role>@<area code>}, for example {@code
 *       station-chief@371330102}. User tasks name it as their candidate group, written in BPMN as
 *       {@code camunda:candidateGroups="station-chief@${townshipCode}"}, with the process variables
 *       {@code villageCode}, {@code townshipCode} and {@code countyCode} set from the child's file.
 * </ul>
 */
public final class Routing {

  public static final String AREA_GROUP_PREFIX = "area-";
  public static final char ROLE_AREA_SEPARATOR = '@';

  private Routing() {}

  /** The candidate group of a role in an area, e.g. {@code station-chief@371330102}. */
  public static String group(Role role, String areaCode) {
    return role.groupId() + ROLE_AREA_SEPARATOR + areaCode;
  }

  /** The group that gives its members an area. */
  public static String areaGroup(String areaCode) {
    return AREA_GROUP_PREFIX + areaCode;
  }

  /** The township of a village (or the township itself). */
  public static String township(String areaCode) {
    return AreaLevel.TOWNSHIP.truncate(areaCode);
  }

  /** The county of any area. */
  public static String county(String areaCode) {
    return AreaLevel.COUNTY.truncate(areaCode);
  }
}

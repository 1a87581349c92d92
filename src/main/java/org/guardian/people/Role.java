package org.guardian.people;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of the people who work the cases. Each role is a Camunda group whose id is {@link
 * #groupId()}; see {@link Routing} for how a task is routed to a role in an area.
 */
public enum Role {
  CHILD_DIRECTOR("child-director", "儿童主任"),
  CHILD_SUPERVISOR("child-supervisor", "儿童督导员"),
  STATION_CHIEF("station-chief", "未保工作站站长"),
  LEGAL_OFFICER("legal-officer", "法治副站长（法律事务）"),
  COUNTY_CENTRE("county-centre", "县未成年人救助保护中心"),
  SUPERVISOR("supervisor", "督导管理人员"),
  POLICY_TEAM("policy-team", "政策制定组"),
  /**
   * A mandatory reporter (强制报告责任人) outside the child-protection teams: a school, hospital,
   * village committee, police station, emergency service or hotline. Files reports; reads nothing.
   */
  REPORTER("reporter", "强制报告责任人"),
  /** An expert of the county's expert panel (专家): diagnosis and advice in the five-forms loop. */
  EXPERT("expert", "评估专家"),
  /**
   * A social organisation (社会组织, social-work agency) contracted by the county: delivers the
   * services of a case plan.
   */
  SOCIAL_ORGANISATION("social-organisation", "社会组织（社工机构）"),
  ADMIN("admin", "系统管理员");

  private final String groupId;
  private final String label;

  Role(String groupId, String label) {
    this.groupId = groupId;
    this.label = label;
  }

  /** The Camunda group id of the role, for example {@code station-chief}. */
  public String groupId() {
    return groupId;
  }

  /** The role's name as users read it. */
  public String label() {
    return label;
  }

  public static Optional<Role> ofGroupId(String groupId) {
    return Arrays.stream(values()).filter(r -> r.groupId.equals(groupId)).findFirst();
  }
}

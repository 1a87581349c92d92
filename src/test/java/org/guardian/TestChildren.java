package org.guardian;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.TaskService;
import org.guardian.registry.FileReview;
import org.guardian.registry.ResidentIdNumber;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Request bodies for children's files, each with a fresh valid ID number, and a new child's first
 * task.
 */
public final class TestChildren {

  /** Villages of the demo county used by tests. */
  public static final String VILLAGE_101201 = "371330101201"; // 青溪镇 东庄村
  public static final String VILLAGE_101202 = "371330101202"; // 青溪镇 西庄村
  public static final String VILLAGE_102201 = "371330102201"; // 石桥镇 石桥村

  private TestChildren() {}

  /** The file-review task of a new left-behind child, registered by its village's director. */
  public static String reviewTaskOfNewChild(TestRestTemplate rest, TaskService tasks) {
    long child = Api.as(rest, "director-101203").post("/api/children",
        leftBehind("371330101203")).json().path("id").asLong();
    return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(child))
        .processDefinitionKey(FileReview.KEY).singleResult().getId();
  }

  /** A fresh, valid ID number for a child of the given birth date and sex. */
  public static String idNumber(LocalDate birth, boolean male) {
    int seq = ThreadLocalRandom.current().nextInt(0, 500) * 2 + (male ? 1 : 0);
    String first17 = "3713" + String.format("%02d", 40 + ThreadLocalRandom.current().nextInt(50))
        + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(),
            birth.getDayOfMonth())
        + String.format("%03d", seq);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  /** A left-behind boy in the village, with a father working away and a grandmother as caregiver. */
  public static Map<String, Object> leftBehind(String villageCode) {
    LocalDate birth = LocalDate.now().minusYears(8)
        .minusDays(ThreadLocalRandom.current().nextInt(1, 2000));
    Map<String, Object> child = new LinkedHashMap<>();
    child.put("name", "测试儿童" + ThreadLocalRandom.current().nextInt(1000));
    child.put("sex", "MALE");
    child.put("birthDate", birth.toString());
    child.put("idNumber", idNumber(birth, true));
    child.put("address", "青溪县东庄村1号");
    child.put("villageCode", villageCode);
    child.put("categories", List.of("LEFT_BEHIND"));
    child.put("riskFlags", List.of());
    child.put("school", "青溪县实验小学");
    List<Map<String, Object>> guardians = new ArrayList<>();
    Map<String, Object> father = new LinkedHashMap<>();
    father.put("name", "测试父亲");
    father.put("relationship", "FATHER");
    father.put("capacity", "FULL");
    father.put("phone", "13800000000");
    father.put("worksAway", true);
    father.put("worksAwaySince", LocalDate.now().minusYears(1).toString());
    father.put("worksAwayPlace", "浙江省宁波市");
    guardians.add(father);
    child.put("guardians", guardians);
    Map<String, Object> caregiver = new LinkedHashMap<>();
    caregiver.put("name", "测试奶奶");
    caregiver.put("relationship", "GRANDPARENT");
    caregiver.put("phone", "13900000000");
    caregiver.put("namedOn", LocalDate.now().minusYears(1).toString());
    caregiver.put("lastWeeklyContact", LocalDate.now().minusDays(3).toString());
    child.put("caregiver", caregiver);
    Map<String, Object> household = new LinkedHashMap<>();
    household.put("size", 3);
    household.put("economicStatus", "ORDINARY");
    child.put("household", household);
    return child;
  }
}

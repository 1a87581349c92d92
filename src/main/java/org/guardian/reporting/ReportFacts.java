package org.guardian.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.List;

/** What the reporter saw: the facts the response priority is decided on. */
@Embeddable
class ReportFacts {

  @Column(nullable = false)
  private boolean injury;
  @Column(name = "sexual_harm", nullable = false)
  private boolean sexualHarm;
  @Column(nullable = false)
  private boolean abandonment;
  @Column(name = "no_adult_care", nullable = false)
  private boolean noAdultCare;
  @Column(nullable = false)
  private boolean violence;
  @Column(nullable = false)
  private boolean neglect;

  protected ReportFacts() {}

  ReportFacts(boolean injury, boolean sexualHarm, boolean abandonment, boolean noAdultCare,
      boolean violence, boolean neglect) {
    this.injury = injury;
    this.sexualHarm = sexualHarm;
    this.abandonment = abandonment;
    this.noAdultCare = noAdultCare;
    this.violence = violence;
    this.neglect = neglect;
  }

  static ReportFacts none() {
    return new ReportFacts(false, false, false, false, false, false);
  }

  boolean injury() {
    return injury;
  }

  boolean sexualHarm() {
    return sexualHarm;
  }

  boolean abandonment() {
    return abandonment;
  }

  boolean noAdultCare() {
    return noAdultCare;
  }

  boolean violence() {
    return violence;
  }

  boolean neglect() {
    return neglect;
  }

  /** The facts in words, for the caseworkers' forms (no personal data). */
  String summary() {
    List<String> words = new ArrayList<>();
    if (injury) {
      words.add("受伤");
    }
    if (sexualHarm) {
      words.add("疑似性侵害");
    }
    if (abandonment) {
      words.add("遗弃");
    }
    if (noAdultCare) {
      words.add("无成年人照料");
    }
    if (violence) {
      words.add("正在遭受暴力");
    }
    if (neglect) {
      words.add("照料不当、生活无着");
    }
    return words.isEmpty() ? "未勾选特定情形" : String.join("、", words);
  }
}

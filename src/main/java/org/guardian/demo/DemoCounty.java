package org.guardian.demo;

import java.util.ArrayList;
import java.util.List;
import org.guardian.people.Area;

/**
 * The demo county 青溪县 (code 371330; invented, shaped like a real county of Shandong): 13
 * townships and subdistricts, 3 to 5 villages or communities each, coded as the national statistical
 * division codes are (subdistricts 0xx, towns 1xx, townships 2xx; communities 0xx, villages 2xx).
 */
final class DemoCounty {

  static final String COUNTY = "371330";
  static final String COUNTY_NAME = "青溪县";

  private static final String[][] TOWNSHIPS = {
      {"001", "城关街道", "府前社区", "文化路社区", "东关社区", "西关社区"},
      {"101", "青溪镇", "东庄村", "西庄村", "前街村", "后营村"},
      {"102", "石桥镇", "石桥村", "李家村", "河口村"},
      {"103", "柳河镇", "柳河村", "杨柳村", "王家庄村", "北岭村"},
      {"104", "马家庄镇", "马家庄村", "张家湾村", "南坡村"},
      {"105", "东岭镇", "东岭村", "大石村", "枣林村", "高家村", "新民村"},
      {"106", "南湖镇", "南湖村", "小河村", "梨园村"},
      {"107", "白沙镇", "白沙村", "刘家屯村", "赵庄村", "孙家洼村"},
      {"108", "龙泉镇", "龙泉村", "泉头村", "上官庄村"},
      {"109", "杏花镇", "杏花村", "桃源村", "薛家岭村", "陈家河村"},
      {"201", "西坡乡", "西坡村", "崔家峪村", "石门村"},
      {"202", "北山乡", "北山村", "黄岩村", "松树沟村", "卧龙村"},
      {"203", "桃园乡", "桃园村", "杜家庄村", "潘家沟村"},
  };

  private DemoCounty() {}

  static List<Area> areas() {
    List<Area> areas = new ArrayList<>();
    areas.add(new Area(COUNTY, COUNTY_NAME, null));
    for (String[] t : TOWNSHIPS) {
      String township = COUNTY + t[0];
      areas.add(new Area(township, t[1], COUNTY));
      boolean subdistrict = t[0].startsWith("0");
      for (int i = 2; i < t.length; i++) {
        String suffix = String.format("%03d", (subdistrict ? 1 : 201) + (i - 2));
        areas.add(new Area(township + suffix, t[i], township));
      }
    }
    return areas;
  }
}

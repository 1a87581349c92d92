package org.guardian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.guardian.supervision.DashboardController.Cell;
import org.guardian.supervision.DashboardController.ListView;
import org.junit.jupiter.api.Test;

/** A list behind a figure shows at most LIST_ROWS rows and says when there were more. */
class ListViewTest {

  static ListView withRows(int n) {
    List<List<Cell>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(List.of(Cell.of(i)));
    }
    return new ListView("children", "登记的儿童", "371330", "青溪县", List.of("档案号"), rows);
  }

  @Test
  void aListOfAtMostTheLimitIsShownWhole() {
    ListView view = withRows(Dashboard.LIST_ROWS).limited();
    assertThat(view.rows()).hasSize(Dashboard.LIST_ROWS);
    assertThat(view.truncated()).isFalse();
  }

  @Test
  void aLongerListIsCutAtTheLimitAndSaysSo() {
    ListView view = withRows(Dashboard.LIST_ROWS + 1).limited();
    assertThat(view.rows()).hasSize(Dashboard.LIST_ROWS);
    assertThat(view.truncated()).isTrue();
    assertThat(Dashboard.LIST_LIMIT).isEqualTo(" fetch first 1001 rows only");
  }
}

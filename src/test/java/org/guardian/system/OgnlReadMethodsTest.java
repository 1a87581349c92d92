package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.builder.BuilderException;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.ognl.PropertyAccessor;
import org.apache.ibatis.scripting.xmltags.ExpressionEvaluator;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * OGNL's look-ups kept per class and name give what OGNL's own accessor gives, for every kind of
 * property an engine statement reads, and search a class once.
 */
class OgnlReadMethodsTest {

  /** A stand-in with each kind of property. */
  public static final class Shapes {
    public String plain = "field";
    private final boolean active;

    Shapes(boolean active) {
      this.active = active;
    }

    public boolean isActive() {
      return active;
    }

    /** A method named like the property, as {@code TaskQueryImpl.isOrQueryActive()}. */
    public boolean isFlagged() {
      return !active;
    }

    public String getFailing() {
      throw new IllegalStateException("getter failed");
    }

    public String isBroken() {
      throw new IllegalArgumentException("read method failed");
    }
  }

  private static final List<String> EXPRESSIONS = List.of("q.active", "q.isActive", "q.isFlagged",
      "q.plain", "q.flagged == false", "t.isOrQueryActive", "t.isWithoutTenantId",
      "t.isTenantIdSet", "a.isHistoricInstancePermissionsEnabled", "a.authUserId == null",
      "a.shouldPerformAuthorizatioCheck");

  /**
   * The classes this test reads or {@link OgnlReadMethods#install} names, each with the accessor
   * OGNL had for it (put back after each test).
   */
  private final Map<Class<?>, PropertyAccessor> before = new LinkedHashMap<>();

  {
    before.put(Object.class, accessorOf(Object.class));
    before.put(Shapes.class, accessorOf(Shapes.class));
    for (Class<?> type : OgnlReadMethods.READ_WITHOUT_GETTERS) {
      before.put(type, accessorOf(type));
    }
  }

  /** OGNL's own accessor for the classes of this test. */
  private void useOgnls() {
    before.keySet().forEach(t -> OgnlRuntime.setPropertyAccessor(t, new ObjectPropertyAccessor()));
  }

  private static PropertyAccessor accessorOf(Class<?> type) {
    try {
      return OgnlRuntime.getPropertyAccessor(type);
    } catch (OgnlException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void restore() {
    before.forEach(OgnlRuntime::setPropertyAccessor);
  }

  private static List<Object> evaluate(Map<String, Object> root) {
    ExpressionEvaluator evaluator = new ExpressionEvaluator();
    List<Object> values = new ArrayList<>();
    for (String e : EXPRESSIONS) {
      values.add(evaluator.evaluateBoolean(e, root));
    }
    return values;
  }

  private static Map<String, Object> roots(boolean active) {
    TaskQueryImpl task = new TaskQueryImpl();
    if (active) {
      task.withoutTenantId();
    }
    AuthorizationCheck check = new AuthorizationCheck();
    check.setHistoricInstancePermissionsEnabled(active);
    if (active) {
      check.setAuthUserId("chief-101");
    }
    return Map.of("q", new Shapes(active), "t", task, "a", check);
  }

  @Test
  void everyKindOfPropertyReadsAsWithOgnlsOwnAccessor() {
    useOgnls();
    List<Object> ognlActive = evaluate(roots(true));
    List<Object> ognlInactive = evaluate(roots(false));

    OgnlReadMethods kept = OgnlReadMethods.install();
    // the engine's classes take it although OGNL had found another one for them
    assertThat(accessorOf(TaskQueryImpl.class)).isSameAs(kept);
    assertThat(accessorOf(AuthorizationCheck.class)).isSameAs(kept);
    OgnlRuntime.setPropertyAccessor(Shapes.class, kept);
    for (int i = 0; i < 3; i++) {
      assertThat(evaluate(roots(true))).isEqualTo(ognlActive);
      assertThat(evaluate(roots(false))).isEqualTo(ognlInactive);
    }
    assertThat(ognlActive).isNotEqualTo(ognlInactive);
  }

  @Test
  void eachClassAndNameIsSearchedOnce() {
    OgnlReadMethods kept = OgnlReadMethods.install();
    OgnlRuntime.setPropertyAccessor(Shapes.class, kept);
    for (int i = 0; i < 50; i++) {
      evaluate(roots(i % 2 == 0));
    }
    // without a getter: Shapes.isActive, Shapes.isFlagged, Shapes.plain, the task query's
    // isOrQueryActive and isWithoutTenantId, the check's isHistoricInstancePermissionsEnabled
    // (isTenantIdSet and shouldPerformAuthorizatioCheck have getters)
    assertThat(kept.searches()).isEqualTo(6);
    assertThat(kept.readMethod(TaskQueryImpl.class, "isOrQueryActive").getName())
        .isEqualTo("isOrQueryActive");
    assertThat(kept.readMethod(Shapes.class, "plain")).isNull();
    assertThat(kept.searches()).isEqualTo(6);
  }

  @Test
  void failuresAreWrappedAsOgnlWrapsThem() {
    useOgnls();
    List<String> ognl = failures();
    OgnlRuntime.setPropertyAccessor(Shapes.class, OgnlReadMethods.install());
    assertThat(failures()).isEqualTo(ognl).hasSize(3);
  }

  private static List<String> failures() {
    ExpressionEvaluator evaluator = new ExpressionEvaluator();
    Map<String, Object> root = Map.of("q", new Shapes(true));
    List<String> messages = new ArrayList<>();
    for (String e : List.of("q.failing", "q.isBroken", "q.missing")) {
      assertThatThrownBy(() -> evaluator.evaluateBoolean(e, root))
          .isInstanceOf(BuilderException.class)
          .satisfies(t -> messages.add(t.getMessage() + " / " + rootCause(t)));
    }
    return messages;
  }

  private static String rootCause(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getName() + ": " + t.getMessage();
  }
}

package org.guardian.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The part-2 diagrams read well in Modeler and Cockpit: every sequence flow runs in horizontal and
 * vertical segments, starts and ends on its shapes, shares no segment with another flow, crosses
 * none, passes through no shape; no label lies on a flow or a shape; boundary events sit on their
 * host's border. (An expanded subprocess is a container: flows run inside it.)
 */
class DiagramLayoutTest {

  record Box(double x, double y, double w, double h) {
    static Box of(Bounds b) {
      return new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight());
    }

    boolean hits(double[] p, double[] q) {
      if (p[1] == q[1]) {
        return y < p[1] && p[1] < y + h && overlap(p[0], q[0], x, x + w) > 2;
      }
      return x < p[0] && p[0] < x + w && overlap(p[1], q[1], y, y + h) > 2;
    }

    boolean overlaps(Box o) {
      return overlap(x, x + w, o.x, o.x + o.w) > 2 && overlap(y, y + h, o.y, o.y + o.h) > 2;
    }

    boolean touches(double[] p) {
      return x - 1 <= p[0] && p[0] <= x + w + 1 && y - 1 <= p[1] && p[1] <= y + h + 1;
    }
  }

  static double overlap(double a1, double a2, double b1, double b2) {
    return Math.min(Math.max(a1, a2), Math.max(b1, b2))
        - Math.max(Math.min(a1, a2), Math.min(b1, b2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"assistance", "referral", "guardianship-intervention",
      "guardianship-case"})
  void flowsNeitherShareNorCrossAndLabelsAreFree(String name) {
    BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/" + name + ".bpmn"));
    Map<String, Box> shapes = new LinkedHashMap<>();
    Map<String, Box> labels = new LinkedHashMap<>();
    for (BpmnShape s : model.getModelElementsByType(BpmnShape.class)) {
      Box b = Box.of(s.getBounds());
      if (s.getBpmnElement() instanceof SubProcess) {
        continue;
      }
      shapes.put(s.getBpmnElement().getId(), b);
      if (s.getBpmnLabel() != null && s.getBpmnLabel().getBounds() != null) {
        labels.put(s.getBpmnElement().getId(), Box.of(s.getBpmnLabel().getBounds()));
      }
    }
    Map<String, List<double[]>> flows = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (BpmnEdge e : model.getModelElementsByType(BpmnEdge.class)) {
      SequenceFlow f = (SequenceFlow) e.getBpmnElement();
      if (!shapes.containsKey(f.getSource().getId()) || !shapes.containsKey(f.getTarget().getId())) {
        continue;
      }
      List<double[]> points = new ArrayList<>();
      for (Waypoint w : e.getWaypoints()) {
        points.add(new double[] {w.getX(), w.getY()});
      }
      flows.put(f.getId(), points);
      if (e.getBpmnLabel() != null && e.getBpmnLabel().getBounds() != null) {
        labels.put(f.getId(), Box.of(e.getBpmnLabel().getBounds()));
      }
      if (!shapes.get(f.getSource().getId()).touches(points.get(0))
          || !shapes.get(f.getTarget().getId()).touches(points.get(points.size() - 1))) {
        problems.add(f.getId() + " does not start and end on its shapes");
      }
      for (int i = 1; i < points.size(); i++) {
        double[] p = points.get(i - 1);
        double[] q = points.get(i);
        if (p[0] != q[0] && p[1] != q[1]) {
          problems.add(f.getId() + " has a slanted segment");
        }
        for (Map.Entry<String, Box> s : shapes.entrySet()) {
          if (!related(model, f, s.getKey()) && s.getValue().hits(p, q)) {
            problems.add(f.getId() + " passes through " + s.getKey());
          }
        }
        for (Map.Entry<String, Box> l : labels.entrySet()) {
          if (!l.getKey().equals(f.getId()) && l.getValue().hits(p, q)) {
            problems.add(f.getId() + " runs over the label of " + l.getKey());
          }
        }
      }
    }
    List<String> ids = new ArrayList<>(flows.keySet());
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        String meet = meet(flows.get(ids.get(i)), flows.get(ids.get(j)));
        if (meet != null) {
          problems.add(ids.get(i) + " and " + ids.get(j) + " " + meet);
        }
      }
    }
    for (Map.Entry<String, Box> l : labels.entrySet()) {
      shapes.forEach((id, b) -> {
        if (!id.equals(l.getKey()) && b.overlaps(l.getValue())) {
          problems.add("label of " + l.getKey() + " lies on " + id);
        }
      });
      labels.forEach((id, b) -> {
        if (id.compareTo(l.getKey()) > 0 && b.overlaps(l.getValue())) {
          problems.add("labels of " + l.getKey() + " and " + id + " overlap");
        }
      });
    }
    for (BoundaryEvent b : model.getModelElementsByType(BoundaryEvent.class)) {
      Box host = shapes.get(b.getAttachedTo().getId());
      Box event = shapes.get(b.getId());
      if (host != null && event != null) {
        double cy = event.y() + event.h() / 2;
        double cx = event.x() + event.w() / 2;
        boolean onBorder = (Math.abs(cy - (host.y() + host.h())) < 1 || Math.abs(cy - host.y()) < 1)
            && host.x() <= cx && cx <= host.x() + host.w();
        if (!onBorder) {
          problems.add(b.getId() + " is not on the border of " + b.getAttachedTo().getId());
        }
      }
    }
    assertThat(flows).as("flows checked").hasSizeGreaterThanOrEqualTo(10);
    assertThat(problems).isEmpty();
  }

  /** A flow may touch its own source and target (and a boundary event of either). */
  static boolean related(BpmnModelInstance model, SequenceFlow f, String shapeId) {
    FlowNode[] ends = {f.getSource(), f.getTarget()};
    for (FlowNode n : ends) {
      if (n.getId().equals(shapeId)) {
        return true;
      }
      if (n instanceof BoundaryEvent b && b.getAttachedTo().getId().equals(shapeId)) {
        return true;
      }
      Collection<BoundaryEvent> attached = model.getModelElementsByType(BoundaryEvent.class);
      for (BoundaryEvent b : attached) {
        if (b.getId().equals(shapeId) && b.getAttachedTo().getId().equals(n.getId())) {
          return true;
        }
      }
    }
    return false;
  }

  /** How two flows meet: a shared segment or a crossing; null if they do not. */
  static String meet(List<double[]> a, List<double[]> b) {
    for (int i = 1; i < a.size(); i++) {
      for (int j = 1; j < b.size(); j++) {
        double[] p1 = a.get(i - 1);
        double[] p2 = a.get(i);
        double[] q1 = b.get(j - 1);
        double[] q2 = b.get(j);
        boolean ha = p1[1] == p2[1];
        boolean hb = q1[1] == q2[1];
        if (ha && hb && p1[1] == q1[1] && overlap(p1[0], p2[0], q1[0], q2[0]) > 1) {
          return "share a segment";
        }
        if (!ha && !hb && p1[0] == q1[0] && overlap(p1[1], p2[1], q1[1], q2[1]) > 1) {
          return "share a segment";
        }
        if (ha != hb) {
          double[][] h = ha ? new double[][] {p1, p2} : new double[][] {q1, q2};
          double[][] v = ha ? new double[][] {q1, q2} : new double[][] {p1, p2};
          if (Math.min(h[0][0], h[1][0]) + 1 < v[0][0] && v[0][0] < Math.max(h[0][0], h[1][0]) - 1
              && Math.min(v[0][1], v[1][1]) + 1 < h[0][1]
              && h[0][1] < Math.max(v[0][1], v[1][1]) - 1) {
            return "cross";
          }
        }
      }
    }
    return null;
  }
}

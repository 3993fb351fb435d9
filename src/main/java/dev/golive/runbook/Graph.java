package dev.golive.runbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Orders steps so that each comes after the steps it depends on. The plan has no cycles. */
final class Graph {
    private Graph() {}

    static List<StepState> order(List<StepState> steps) {
        Map<String, StepState> left = new LinkedHashMap<>();
        steps.forEach(s -> left.put(s.def.id(), s));
        List<StepState> out = new ArrayList<>();
        while (!left.isEmpty()) {
            int before = out.size();
            for (StepState s : List.copyOf(left.values())) {
                if (s.def.after().stream().noneMatch(left::containsKey)) {
                    out.add(s);
                    left.remove(s.def.id());
                }
            }
            if (out.size() == before) {
                out.addAll(left.values());
                break;
            }
        }
        return out;
    }
}

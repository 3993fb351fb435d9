package dev.golive.drill;

import dev.golive.plan.Environment;
import dev.golive.plan.Instance;
import dev.golive.plan.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a drill takes down, against what each service declares it survives ({@code survivable:}).
 *
 * @param instances the instances taken down
 * @param beyond one line per service that loses more instances than it survives
 */
public record BlastRadius(List<String> instances, List<String> beyond) {
    public BlastRadius {
        instances = List.copyOf(instances);
        beyond = List.copyOf(beyond);
    }

    static BlastRadius of(List<Instance> victims, Environment env) {
        Map<Service, Integer> down = new LinkedHashMap<>();
        victims.forEach(i -> down.merge(i.service(), 1, Integer::sum));
        List<String> beyond = new ArrayList<>();
        down.forEach((s, n) -> {
            if (n > s.survivable()) {
                beyond.add(n + " of " + env.instances(s.name()).size() + " instances of " + s.name()
                        + ", which survives " + s.survivable() + " (survivable: " + s.survivable() + ")");
            }
        });
        return new BlastRadius(victims.stream().map(Instance::id).toList(), beyond);
    }

    public boolean withinSurvivable() {
        return beyond.isEmpty();
    }
}

package dev.golive.drill;

import dev.golive.plan.Environment;
import dev.golive.plan.Instance;
import dev.golive.target.Hosts;
import dev.golive.target.ServiceAction;
import dev.golive.target.ServiceOptions;
import dev.golive.target.ServiceOutcome;
import dev.golive.target.Services;
import java.util.List;

/** What faults and restores act with: the environment's services and hosts. */
record Tools(Environment environment, Services services, Hosts hosts, ServiceOptions options) {
    Instance instance(String id) {
        return environment.instances().stream()
                .filter(i -> i.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new DrillException("no instance " + id + " in " + environment.name()
                        + "; the plan changed since the drill began, restore it by hand"));
    }

    /** Does a service action to one instance. */
    Done act(String id, ServiceAction action) {
        List<ServiceOutcome> out = services.run(services.select(id), action, options);
        ServiceOutcome o = out.get(0);
        return new Done(id, o.ok(), action.word() + ": " + o.detail());
    }
}

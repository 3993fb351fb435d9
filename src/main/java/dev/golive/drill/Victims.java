package dev.golive.drill;

import dev.golive.plan.Drill;
import dev.golive.plan.Environment;
import dev.golive.plan.Instance;
import java.util.List;

/** The instances a drill's fault takes down in one environment. */
final class Victims {
    private Victims() {}

    static List<Instance> of(Drill drill, Environment env) {
        Drill.Fault f = drill.fault();
        if (f.host() != null) {
            return onHost(drill, env, f.host());
        }
        if (!env.services().containsKey(f.service())) {
            throw new DrillException("drill " + drill.name() + " faults service " + f.service() + ", which "
                    + env.name() + " does not have; its services are "
                    + env.services().keySet());
        }
        List<Instance> all = env.instances(f.service());
        if (!f.instances().isEmpty()) {
            return f.instances().stream().map(h -> named(drill, env, all, h)).toList();
        }
        if (f.count() > all.size()) {
            throw new DrillException("drill " + drill.name() + " faults " + f.count() + " instances of " + f.service()
                    + ", but it has " + all.size() + " in " + env.name());
        }
        return all.subList(0, f.count());
    }

    private static List<Instance> onHost(Drill drill, Environment env, String host) {
        if (!env.hosts().containsKey(host)) {
            throw new DrillException("drill " + drill.name() + " takes host " + host + ", which " + env.name()
                    + " does not have; its hosts are " + env.hosts().keySet());
        }
        List<Instance> on = env.instances().stream()
                .filter(i -> i.host().name().equals(host))
                .filter(i -> i.service().kind().runsOnHosts())
                .toList();
        if (on.isEmpty()) {
            throw new DrillException("drill " + drill.name() + " takes host " + host + ", but no service of "
                    + env.name() + " runs on it");
        }
        return on;
    }

    private static Instance named(Drill drill, Environment env, List<Instance> all, String host) {
        return all.stream()
                .filter(i -> i.host().name().equals(host))
                .findFirst()
                .orElseThrow(() -> new DrillException("drill " + drill.name() + " faults "
                        + drill.fault().service()
                        + " on " + host + ", but it does not run there in " + env.name() + "; its instances are "
                        + all.stream().map(Instance::id).toList()));
    }
}

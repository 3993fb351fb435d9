package dev.golive.release;

import dev.golive.plan.Environment;
import dev.golive.plan.Instance;
import dev.golive.plan.Service;
import dev.golive.plan.ServiceKind;
import java.util.ArrayList;
import java.util.List;

/** Which instances of an environment releases are deployed to. */
final class Targets {
    private Targets() {}

    static List<Instance> instances(Environment env, String service) {
        if (service != null) {
            Service s = env.services().get(service);
            if (s == null || !s.kind().runsOnHosts()) {
                throw new ReleaseException("no service '" + service + "' to deploy to in " + env.name()
                        + "; its services on hosts are " + deployable(env, false));
            }
            return env.instances(service);
        }
        List<String> chosen = deployable(env, true);
        if (chosen.isEmpty()) {
            chosen = env.services().values().stream()
                    .filter(s -> s.kind() == ServiceKind.TOMCAT)
                    .map(Service::name)
                    .toList();
        }
        if (chosen.isEmpty()) {
            throw new ReleaseException(env.name() + " has no service to deploy to: give one a deploy: map in the"
                    + " plan, or name it with --service");
        }
        List<Instance> out = new ArrayList<>();
        chosen.forEach(name -> out.addAll(env.instances(name)));
        return out;
    }

    /** The services on hosts; only those with a {@code deploy:} map when {@code declared}. */
    private static List<String> deployable(Environment env, boolean declared) {
        return env.services().values().stream()
                .filter(s -> s.kind().runsOnHosts() && (!declared || s.deploy() != null))
                .map(Service::name)
                .toList();
    }

    /** The instance called {@code id} ({@code was/was1}). */
    static Instance instance(Environment env, String id) {
        return env.instances().stream()
                .filter(i -> i.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new ReleaseException("the plan has no instance " + id + " in " + env.name()
                        + " any more; put it back to finish the deploy, or see golive deployed " + env.name()));
    }
}

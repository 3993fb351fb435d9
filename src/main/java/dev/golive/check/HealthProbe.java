package dev.golive.check;

import dev.golive.plan.Check;
import dev.golive.plan.Environment;
import dev.golive.plan.Instance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code health: SERVICE}: every instance's health URL answers 200. */
final class HealthProbe implements Probe {
    private final Environment environment;

    HealthProbe(Environment environment) {
        this.environment = environment;
    }

    @Override
    public List<CheckResult> run(Check check) {
        List<Instance> instances = environment.instances(check.target());
        if (instances.isEmpty()) {
            return List.of(Probe.red(
                    check,
                    check.target(),
                    "service " + check.target() + " has no instances in " + environment.name(),
                    0));
        }
        List<CheckResult> out = new ArrayList<>();
        for (Instance i : instances) {
            out.add(instance(check, i));
        }
        return out;
    }

    private static CheckResult instance(Check check, Instance i) {
        long start = System.nanoTime();
        if (i.service().httpPort() == null || i.service().health() == null) {
            return Probe.red(
                    check,
                    i.id(),
                    "service " + i.service().name() + " needs http: and health: for a health check",
                    start);
        }
        String address = i.host().serviceAddress();
        String path = i.service().health().startsWith("/")
                ? i.service().health()
                : "/" + i.service().health();
        String url = "http://" + address + ":" + i.service().httpPort() + path;
        try {
            int status = HttpProbe.get(url, check).statusCode();
            return new CheckResult(
                    check.name(), i.id(), status == 200, url + " answered " + status, Probe.since(start));
        } catch (IOException e) {
            return Probe.red(check, i.id(), url + ": no answer: " + e, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Probe.red(check, i.id(), "interrupted", start);
        }
    }
}

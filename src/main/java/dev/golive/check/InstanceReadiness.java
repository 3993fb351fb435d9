package dev.golive.check;

import dev.golive.plan.Instance;
import dev.golive.plan.ServiceKind;
import dev.golive.target.Command;
import dev.golive.target.Result;
import dev.golive.target.ServiceOutcome;
import dev.golive.target.Services;
import dev.golive.target.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One instance on its host: running, its port listening, its health answering, its JVM. */
final class InstanceReadiness {
    private final Services services;
    private final Target target;
    private final Readiness.Limits limits;

    InstanceReadiness(Services services, Target target, Readiness.Limits limits) {
        this.services = services;
        this.target = target;
        this.limits = limits;
    }

    List<CheckResult> check(Instance i) {
        List<CheckResult> out = new ArrayList<>();
        ServiceOutcome status = services.status(i);
        out.add(result("running", i, status));
        if (!status.ok()) {
            return out;
        }
        Integer port = i.service().httpPort();
        if (port != null) {
            out.add(listening(i, port));
        }
        if (Services.healthUrl(i) != null) {
            out.add(result("health", i, services.health(i, Duration.ZERO, null)));
        }
        boolean mayBeJava =
                i.service().kind() != ServiceKind.COMMAND && !status.pids().isEmpty();
        if (mayBeJava) {
            jvm(i, out);
        }
        return out;
    }

    private CheckResult listening(Instance i, int port) {
        long start = System.nanoTime();
        // /proc/net/tcp lists ports in hex; 0A is LISTEN. No ss or netstat needed on the host.
        String script = "cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk -v p=" + String.format("%04X", port)
                + " '$4 == \"0A\" { split($2, a, \":\"); if (a[2] == p) f = 1 } END { exit !f }'";
        Result r = target.run(Command.of(script).withTimeout(limits.timeout()));
        String name = "port " + port;
        if (r.failure() != null) {
            return new CheckResult(name, i.id(), false, r.failure(), Probe.since(start));
        }
        boolean ok = r.exitStatus() == 0;
        return new CheckResult(
                name,
                i.id(),
                ok,
                ok
                        ? "listening"
                        : "nothing listens on port " + port + " on " + i.host().name(),
                Probe.since(start));
    }

    private void jvm(Instance i, List<CheckResult> out) {
        ServiceOutcome jvm = services.jvm(i);
        if (jvm.jvm() == null) {
            if (i.service().kind() == ServiceKind.TOMCAT) {
                out.add(result("java", i, jvm));
            }
            return;
        }
        if (!jvm.jvm().isJava()) {
            return;
        }
        String version = jvm.jvm().version() == null
                ? "version unknown"
                : "java " + jvm.jvm().version();
        out.add(new CheckResult(
                "java",
                i.id(),
                jvm.jvm().version() != null,
                version + " (" + jvm.jvm().executable() + ")",
                jvm.duration()));
        List<String> missing = JvmOptions.missing(jvm.jvm().options());
        out.add(new CheckResult(
                "jvm options",
                i.id(),
                missing.isEmpty(),
                missing.isEmpty() ? JvmOptions.summary(jvm.jvm().options()) : "missing " + String.join(", ", missing),
                Duration.ZERO));
    }

    private static CheckResult result(String name, Instance i, ServiceOutcome outcome) {
        return new CheckResult(name, i.id(), outcome.ok(), outcome.detail(), outcome.duration());
    }
}

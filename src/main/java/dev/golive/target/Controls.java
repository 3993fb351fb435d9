package dev.golive.target;

import dev.golive.plan.Service;

/** The {@link Control} of each kind of service that runs on hosts. */
final class Controls {
    private Controls() {}

    /** The control of one instance: {@code {host}} in the service's settings is its host's name. */
    static Control of(dev.golive.plan.Instance instance) {
        return of(instance.service().forHost(instance.host().name()));
    }

    static Control of(Service service) {
        return switch (service.kind()) {
            case TOMCAT -> new TomcatControl(service);
            case SYSTEMD -> new SystemdControl(service);
            case PROCESS -> new ProcessControl(service);
            case COMMAND -> new CommandControl(service);
            case JDBC, HTTP ->
                throw new IllegalArgumentException(service.name() + " is a "
                        + service.kind().word() + " service, reached by address, not run on hosts");
        };
    }
}

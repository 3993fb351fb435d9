package dev.golive.target;

import dev.golive.plan.Service;

/** The {@link Control} of each kind of service that runs on hosts. */
final class Controls {
    private Controls() {}

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

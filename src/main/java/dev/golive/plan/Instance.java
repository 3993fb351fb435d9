package dev.golive.plan;

/**
 * One service on one host: the unit that is started, stopped, deployed to and captured.
 *
 * @param service the service
 * @param host the host it runs on
 */
public record Instance(Service service, Host host) {
    public Instance {
        if (service == null || host == null) {
            throw new IllegalArgumentException("service and host are required");
        }
    }

    /** {@code service/host}, the name users give on the command line. */
    public String id() {
        return service.name() + "/" + host.name();
    }
}

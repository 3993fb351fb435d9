package dev.golive.target;

import dev.golive.plan.Service;
import java.util.List;

/**
 * Apache Tomcat through its own scripts: {@code catalina.sh start} and {@code stop} with
 * CATALINA_HOME, CATALINA_BASE and CATALINA_PID set. The running JVM is found by its PID file, else
 * by the {@code -Dcatalina.base=} that catalina.sh puts on its command line, so a Tomcat started by
 * hand is found too.
 */
final class TomcatControl implements Control {
    private final String home;
    private final String base;
    private final String pidFile;
    private final String logs;
    private final String user;

    TomcatControl(Service service) {
        this.home = service.setting("home").orElseThrow();
        this.base = service.setting("base").orElse(home);
        this.pidFile = service.setting("pidFile").orElse(base + "/temp/catalina.pid");
        this.logs = service.setting("logs").orElse(base + "/logs");
        this.user = service.setting("user").orElse(null);
    }

    private String environment() {
        return "export CATALINA_HOME=" + Scripts.quote(home) + " CATALINA_BASE=" + Scripts.quote(base)
                + " CATALINA_PID=" + Scripts.quote(pidFile) + "\n";
    }

    @Override
    public String status() {
        return Scripts.ALIVE
                + Scripts.fromPidFile(pidFile)
                + Scripts.fromPattern("-Dcatalina\\.base=" + Scripts.literal(base) + "( |$)")
                + "exit " + STOPPED + "\n";
    }

    @Override
    public String start() {
        // Its standard input is not the SSH channel's, so the session can end while Tomcat runs.
        return environment() + "\"$CATALINA_HOME/bin/catalina.sh\" start < /dev/null\n";
    }

    @Override
    public String stop() {
        return environment() + "\"$CATALINA_HOME/bin/catalina.sh\" stop < /dev/null\n";
    }

    @Override
    public String kill() {
        return Scripts.signal("KILL") + "rm -f " + Scripts.quote(pidFile) + "\n";
    }

    @Override
    public Logs logs() {
        return new FileLogs(logs, "catalina.out");
    }

    @Override
    public List<String> paths() {
        return List.of(base, logs);
    }

    @Override
    public String user() {
        return user;
    }
}

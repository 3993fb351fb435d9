package dev.golive.target;

import dev.golive.plan.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * Anything driven by its own scripts, such as a commercial WAS: the plan's {@code start}, {@code
 * stop} and {@code status} commands. Its PIDs are unknown, so golive cannot force it to stop.
 */
final class CommandControl implements Control {
    private final String name;
    private final String start;
    private final String stop;
    private final String status;
    private final String logs;

    CommandControl(Service service) {
        this.name = service.name();
        this.start = service.setting("start").orElseThrow();
        this.stop = service.setting("stop").orElseThrow();
        this.status = service.setting("status").orElseThrow();
        this.logs = service.setting("logs").orElse(null);
    }

    @Override
    public String status() {
        // Its output goes to standard error: standard output is for PIDs, which it does not give.
        return "( " + status + "\n) >&2 < /dev/null || exit " + STOPPED + "\n";
    }

    @Override
    public String start() {
        return start + "\n";
    }

    @Override
    public String stop() {
        return stop + "\n";
    }

    @Override
    public String kill() {
        return null;
    }

    @Override
    public Logs logs() {
        return logs == null
                ? new Logs.Unknown("service " + name + " names no logs: in the plan")
                : new FileLogs(logs, null);
    }

    @Override
    public List<String> paths() {
        List<String> out = new ArrayList<>();
        if (logs != null) {
            out.add(logs);
        }
        return out;
    }

    @Override
    public String user() {
        return null;
    }
}

package dev.golive.target;

import dev.golive.plan.Service;
import java.util.ArrayList;
import java.util.List;

/** A systemd unit through {@code systemctl}; its logs are in the journal unless the plan names files. */
final class SystemdControl implements Control {
    private final String unit;
    private final String logs;

    SystemdControl(Service service) {
        this.unit = service.setting("unit").orElseThrow();
        this.logs = service.setting("logs").orElse(null);
    }

    @Override
    public String status() {
        String u = Scripts.quote(unit);
        return "systemctl is-active --quiet " + u + " || exit " + STOPPED + "\n"
                + "p=$(systemctl show -p MainPID --value " + u + ")\n"
                + "[ \"$p\" != 0 ] && echo \"$p\"\n"
                + "exit 0\n";
    }

    @Override
    public String start() {
        return "systemctl start " + Scripts.quote(unit) + "\n";
    }

    @Override
    public String stop() {
        return "systemctl stop --no-block " + Scripts.quote(unit) + "\n";
    }

    @Override
    public String kill() {
        return "systemctl kill -s KILL " + Scripts.quote(unit) + "\n";
    }

    @Override
    public Logs logs() {
        return logs == null ? new JournalLogs(unit) : new FileLogs(logs, null);
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

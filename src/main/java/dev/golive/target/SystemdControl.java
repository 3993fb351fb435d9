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

    /**
     * Running while systemd says the unit is active, reloading or deactivating (a unit being stopped
     * still runs until its processes are gone), or activating with a main process; otherwise stopped.
     * Any state but active and inactive is said, so a crashed unit reads "stopped (failed)"; a failed
     * unit will not start by itself, so a start that ends there is not waited for.
     */
    @Override
    public String status() {
        String u = Scripts.quote(unit);
        // One systemctl for the three properties: status is asked twice a second while waiting.
        return "props=$(systemctl show -p LoadState -p ActiveState -p MainPID " + u + ") || exit 1\n"
                + "l= s= p=0\n"
                + "while IFS='=' read -r k v; do\n"
                + "  case \"$k\" in LoadState) l=$v ;; ActiveState) s=$v ;; MainPID) p=$v ;; esac\n"
                + "done <<EOF\n$props\nEOF\n"
                + "if [ \"$l\" = not-found ]; then echo " + Scripts.quote("no unit " + unit + " on this host")
                + " >&2; exit 1; fi\n"
                + "case \"$s\" in\n"
                + "  active|reloading|deactivating) ;;\n"
                + "  activating) [ \"$p\" != 0 ] || { echo \"$s\" >&2; exit " + STOPPED + "; } ;;\n"
                + "  inactive) exit " + STOPPED + " ;;\n"
                + "  failed) echo failed >&2; exit " + GAVE_UP + " ;;\n"
                + "  *) echo \"$s\" >&2; exit " + STOPPED + " ;;\n"
                + "esac\n"
                + "[ \"$p\" != 0 ] && echo \"$p\"\n"
                + "[ \"$s\" = active ] || echo \"$s\" >&2\n"
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

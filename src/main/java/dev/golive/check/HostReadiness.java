package dev.golive.check;

import dev.golive.plan.Host;
import dev.golive.target.Command;
import dev.golive.target.Result;
import dev.golive.target.Target;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One host: reachable, SSH works, disk free on the paths that matter, memory, clock offset. */
final class HostReadiness {
    private final Target target;
    private final Readiness.Limits limits;

    HostReadiness(Target target, Readiness.Limits limits) {
        this.target = target;
        this.limits = limits;
    }

    /** Adds the host's results; false when the host could not be reached, so nothing more can be checked on it. */
    boolean check(List<String> paths, List<CheckResult> out) {
        Host host = target.host();
        if (!host.isLocal() && host.via() == null && !reachable(out)) {
            return false;
        }
        long start = System.nanoTime();
        Result facts = target.run(Command.of(facts(paths)).withTimeout(limits.timeout()));
        String login = host.isLocal() ? "shell" : "ssh";
        if (!facts.ok()) {
            out.add(red(login, facts.summary(), start));
            return false;
        }
        Map<String, String> found = parse(facts.stdout());
        String as = found.getOrDefault("user", "?");
        out.add(new CheckResult(
                login,
                host.name(),
                true,
                (host.isLocal() ? "runs commands as " : "logged in as ")
                        + as
                        + (host.via() == null ? "" : " through " + host.via()),
                Probe.since(start)));
        disks(facts.stdout(), out, start);
        memory(found.get("mem"), out, start);
        clock(out);
        return true;
    }

    private boolean reachable(List<CheckResult> out) {
        Host host = target.host();
        long start = System.nanoTime();
        InetSocketAddress address = new InetSocketAddress(host.address(), host.port());
        if (address.isUnresolved()) {
            // Perhaps a Host alias of ~/.ssh/config: the SSH login resolves it and says what is wrong.
            return true;
        }
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) limits.timeout().toMillis());
            out.add(new CheckResult(
                    "reachable",
                    host.name(),
                    true,
                    host.address() + ":" + host.port() + " accepts connections",
                    Probe.since(start)));
            return true;
        } catch (IOException e) {
            out.add(red(
                    "reachable",
                    host.address() + ":" + host.port() + " cannot be reached: " + e.getMessage()
                            + "; check that the host is up and sshd listens there",
                    start));
            return false;
        }
    }

    private static String facts(List<String> paths) {
        StringBuilder b = new StringBuilder("echo \"user $(id -un)\"\n");
        for (String path : paths) {
            String p = "'" + path.replace("'", "'\\''") + "'";
            b.append("if [ -e ")
                    .append(p)
                    .append(" ]; then df -Pk ")
                    .append(p)
                    .append(" | awk -v p=")
                    .append(p)
                    .append(" 'NR == 2 { print \"disk\", $2, $4, $6, p }';")
                    .append(" else echo \"nodisk \"")
                    .append(p)
                    .append("; fi\n");
        }
        b.append(
                "awk '/^MemTotal:/ { t = $2 } /^MemAvailable:/ { a = $2 } END { print \"mem\", t, a }' /proc/meminfo\n");
        return b.toString();
    }

    private static Map<String, String> parse(String stdout) {
        Map<String, String> out = new LinkedHashMap<>();
        stdout.lines().forEach(l -> {
            int space = l.indexOf(' ');
            if (space > 0 && !l.startsWith("disk") && !l.startsWith("nodisk")) {
                out.put(l.substring(0, space), l.substring(space + 1).strip());
            }
        });
        return out;
    }

    /** One result per file system, naming the paths on it. */
    private void disks(String stdout, List<CheckResult> out, long start) {
        Map<String, long[]> sizes = new LinkedHashMap<>();
        Map<String, List<String>> pathsOn = new LinkedHashMap<>();
        for (String line : stdout.lines().toList()) {
            String[] f = line.split(" ", 5);
            if (f[0].equals("nodisk")) {
                out.add(red("disk " + line.substring(7), line.substring(7) + " does not exist", start));
            } else if (f[0].equals("disk") && f.length == 5) {
                sizes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                pathsOn.computeIfAbsent(f[3], m -> new ArrayList<>()).add(f[4]);
            }
        }
        sizes.forEach((mount, kb) -> {
            long percent = kb[0] == 0 ? 100 : kb[1] * 100 / kb[0];
            String what = percent + "% free (" + Sizes.kib(kb[1]) + " of " + Sizes.kib(kb[0]) + ")";
            String paths =
                    pathsOn.get(mount).equals(List.of(mount)) ? "" : " for " + String.join(", ", pathsOn.get(mount));
            boolean ok = percent >= limits.diskFreePercent();
            String detail = ok ? what + paths : "only " + what + paths + "; needs " + limits.diskFreePercent() + "%";
            out.add(new CheckResult("disk " + mount, target.host().name(), ok, detail, Probe.since(start)));
        });
    }

    private void memory(String mem, List<CheckResult> out, long start) {
        String[] f = mem == null ? new String[0] : mem.split(" ");
        if (f.length != 2) {
            out.add(red("memory", "could not read /proc/meminfo", start));
            return;
        }
        long total = Long.parseLong(f[0]);
        long available = Long.parseLong(f[1]);
        long percent = total == 0 ? 0 : available * 100 / total;
        String what = Sizes.kib(available) + " of " + Sizes.kib(total) + " available (" + percent + "%)";
        boolean ok = percent >= limits.memoryFreePercent();
        out.add(new CheckResult(
                "memory",
                target.host().name(),
                ok,
                ok ? what : "only " + what + "; needs " + limits.memoryFreePercent() + "%",
                Probe.since(start)));
    }

    /** The host's clock against this machine's, read in the middle of a short round trip. */
    private void clock(List<CheckResult> out) {
        long start = System.nanoTime();
        long before = System.currentTimeMillis();
        Result r = target.run(Command.of("date +%s%N").withTimeout(limits.timeout()));
        long after = System.currentTimeMillis();
        if (!r.ok() || !r.stdout().strip().matches("\\d{10,}")) {
            out.add(red("clock", "could not read the clock: " + r.summary(), start));
            return;
        }
        long remote = Long.parseLong(r.stdout().strip()) / 1_000_000;
        long offset = remote - (before + after) / 2;
        long uncertainty = (after - before) / 2;
        boolean ok = Math.abs(offset) - uncertainty <= limits.clockOffset().toMillis();
        String what = String.format(
                java.util.Locale.ROOT, "%+.3f s from this machine (±%.3f s)", offset / 1000.0, uncertainty / 1000.0);
        out.add(new CheckResult(
                "clock",
                target.host().name(),
                ok,
                ok
                        ? what
                        : "off by " + what + "; allowed " + limits.clockOffset().toMillis() / 1000.0
                                + " s: synchronise it (chrony or ntpd)",
                Probe.since(start)));
    }

    private CheckResult red(String check, String why, long start) {
        return new CheckResult(check, target.host().name(), false, why, Probe.since(start));
    }
}

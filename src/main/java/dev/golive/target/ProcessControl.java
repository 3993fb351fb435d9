package dev.golive.target;

import dev.golive.plan.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain process: started in the background with the plan's {@code start} command, found by its
 * {@code pidFile} or a {@code pattern} on its command line, stopped with {@code stop} or TERM.
 */
final class ProcessControl implements Control {
    private final String name;
    private final String start;
    private final String stop;
    private final String pidFile;
    private final String pattern;
    private final String logs;
    private final String user;

    ProcessControl(Service service) {
        this.name = service.name();
        this.start = service.setting("start").orElseThrow();
        this.stop = service.setting("stop").orElse(null);
        this.pidFile = service.setting("pidFile").orElse(null);
        this.pattern = service.setting("pattern").orElse(null);
        this.logs = service.setting("logs").orElse(null);
        this.user = service.setting("user").orElse(null);
    }

    @Override
    public String status() {
        if (pidFile == null && pattern == null) {
            return "echo "
                    + Scripts.quote("service " + name + " has neither pidFile: nor pattern: in the plan,"
                            + " so golive cannot find its process")
                    + " >&2\nexit 2\n";
        }
        return Scripts.ALIVE
                + (pidFile == null ? "" : Scripts.fromPidFile(pidFile))
                + (pattern == null ? "" : Scripts.fromPattern(pattern))
                + "exit " + STOPPED + "\n";
    }

    @Override
    public String start() {
        StringBuilder b = new StringBuilder("out=/dev/null\n");
        if (pidFile != null) {
            // Only started when it does not run: a PID file left by a stop names a process that has
            // ended, and kept it would hide the new one from every status after this start.
            b.append("rm -f -- ").append(Scripts.quote(pidFile)).append('\n');
        }
        if (logs != null) {
            String l = Scripts.quote(logs);
            b.append("if [ -d ")
                    .append(l)
                    .append(" ]; then out=")
                    .append(l)
                    .append('/')
                    .append(Scripts.quote(name + ".out"))
                    .append("; else out=")
                    .append(l)
                    .append("; fi\n");
        }
        // Its own session, and no standard input from the SSH channel: it outlives the command.
        b.append("s=; command -v setsid > /dev/null && s=setsid\n")
                .append("$s nohup bash -c ")
                .append(Scripts.quote(start))
                .append(" < /dev/null >> \"$out\" 2>&1 &\n")
                .append("pid=$!\n");
        if (pidFile != null) {
            // A command that writes its own PID file wins; one that does not gets the PID of what was started.
            b.append("sleep 0.2; [ -s ")
                    .append(Scripts.quote(pidFile))
                    .append(" ] || echo \"$pid\" > ")
                    .append(Scripts.quote(pidFile))
                    .append('\n');
        }
        return b.append("echo \"started PID $pid\"\n").toString();
    }

    @Override
    public String stop() {
        return stop != null ? stop + "\n" : Scripts.signal("TERM");
    }

    @Override
    public String kill() {
        return Scripts.signal("KILL") + (pidFile == null ? "" : "rm -f " + Scripts.quote(pidFile) + "\n");
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
        if (pidFile != null) {
            out.add(parent(pidFile));
        }
        return out;
    }

    private static String parent(String file) {
        int slash = file.lastIndexOf('/');
        return slash > 0 ? file.substring(0, slash) : "/";
    }

    @Override
    public String user() {
        return user;
    }
}

package dev.golive.target;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Status, start, stop and kill of one instance on its host, the same for every kind: the kind's
 * {@link Control} gives the scripts, this class runs them, waits and forces.
 */
final class Lifecycle {
    private static final Duration QUICK = Duration.ofSeconds(30);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration AFTER_KILL = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int LOG_END_LINES = 3;
    private static final int LOG_ERROR_LINES = 3;
    private static final int LOG_LINE = 240;

    /** What status found: running with its PIDs, stopped, or unknown because of {@code failure}. */
    record State(boolean running, List<Long> pids, String note, String failure, boolean gaveUp) {
        State {
            pids = List.copyOf(pids);
        }

        String describe() {
            if (failure != null) {
                return failure;
            }
            String what = running ? "running" : "stopped";
            if (running && !pids.isEmpty()) {
                what += pids.size() == 1 ? ", PID " + pids.get(0) : ", PIDs " + pids;
            }
            return note.isEmpty() ? what : what + " (" + note + ")";
        }
    }

    private final Target target;
    private final Control control;
    private final String subject;

    Lifecycle(Target target, Control control, String subject) {
        this.target = target;
        this.control = control;
        this.subject = subject;
    }

    Result run(String script, Duration timeout) {
        return target.run(Command.of(script).withTimeout(timeout).asUser(control.user()));
    }

    State state() {
        Result r = run(control.status(), QUICK);
        if (r.failure() != null) {
            return new State(false, List.of(), "", r.failure(), false);
        }
        List<Long> pids = new ArrayList<>();
        r.stdout()
                .lines()
                .map(String::strip)
                .filter(l -> l.matches("\\d{1,10}"))
                .forEach(l -> pids.add(Long.parseLong(l)));
        String note = lastLine(r.stderr());
        return switch (r.exitStatus()) {
            case 0 -> new State(true, pids, note, null, false);
            case Control.STOPPED -> new State(false, List.of(), note, null, false);
            case Control.GAVE_UP -> new State(false, List.of(), note, null, true);
            default ->
                new State(
                        false, List.of(), "", subject + ": finding out whether it runs failed: " + r.summary(), false);
        };
    }

    ServiceOutcome status() {
        long start = System.nanoTime();
        State s = state();
        return ServiceOutcome.of(subject, ServiceAction.STATUS, s.running(), s.describe(), start)
                .withPids(s.pids());
    }

    /** Starts the instance unless it runs, and waits until its status says it runs. */
    ServiceOutcome start(Duration deadline) {
        long start = System.nanoTime();
        State before = state();
        if (before.failure() != null || before.running()) {
            String detail = before.failure() != null ? before.failure() : "already " + before.describe();
            return ServiceOutcome.of(subject, ServiceAction.START, before.failure() == null, detail, start)
                    .withPids(before.pids());
        }
        Result r = run(control.start(), START_TIMEOUT);
        if (!r.ok()) {
            return ServiceOutcome.of(
                    subject, ServiceAction.START, false, "starting failed: " + r.summary() + logEnd(), start);
        }
        State after = awaitState(true, Duration.ofSeconds(Math.max(10, deadline.toSeconds())));
        boolean ok = after.running();
        String detail = ok
                ? "started " + pids(after)
                : "not running after the start: " + after.describe() + lastWords(r) + logEnd();
        return ServiceOutcome.of(subject, ServiceAction.START, ok, detail, start)
                .withPids(after.pids());
    }

    /** Asks the instance to stop; kills it when it still runs after {@code timeout}. */
    ServiceOutcome stop(Duration timeout) {
        long start = System.nanoTime();
        State before = state();
        if (before.failure() != null || !before.running()) {
            String detail = before.failure() != null ? before.failure() : "already stopped";
            return ServiceOutcome.of(subject, ServiceAction.STOP, before.failure() == null, detail, start);
        }
        Result asked = run(Scripts.pids(before.pids()) + control.stop(), timeout);
        State after = awaitState(false, timeout.minus(ServiceOutcome.since(start)));
        if (after.failure() != null) {
            return ServiceOutcome.of(subject, ServiceAction.STOP, false, after.failure(), start);
        }
        if (!after.running()) {
            return ServiceOutcome.of(subject, ServiceAction.STOP, true, "stopped " + pids(before), start);
        }
        String why =
                "did not stop within " + Failures.seconds(timeout) + (asked.ok() ? "" : " (" + asked.summary() + ")");
        return force(after, why, ServiceAction.STOP, start);
    }

    /** Kills the instance at once, as a crash would. */
    ServiceOutcome kill() {
        long start = System.nanoTime();
        State before = state();
        if (before.failure() != null || !before.running()) {
            String detail = before.failure() != null ? before.failure() : "not running";
            return ServiceOutcome.of(subject, ServiceAction.KILL, before.failure() == null, detail, start);
        }
        return force(before, "asked to", ServiceAction.KILL, start);
    }

    private ServiceOutcome force(State running, String why, ServiceAction action, long start) {
        if (control.kill() == null) {
            return ServiceOutcome.of(
                            subject,
                            action,
                            false,
                            why + "; golive cannot force it: its kind gives no PID, stop it by hand",
                            start)
                    .withPids(running.pids());
        }
        Result killed = run(Scripts.pids(running.pids()) + control.kill(), QUICK);
        State after = awaitState(false, AFTER_KILL);
        boolean ok = after.failure() == null && !after.running();
        String detail = ok
                ? (action == ServiceAction.KILL ? "killed " : "killed after it " + why + ": ") + pids(running)
                : why + "; killing " + pids(running) + " failed: "
                        + (killed.ok() ? after.describe() : killed.summary());
        return ServiceOutcome.of(subject, action, ok, detail, start).withPids(after.pids());
    }

    /**
     * Polls the status until it is {@code running} (or unknown, or given up by its manager), or the
     * time is up.
     */
    private State awaitState(boolean running, Duration within) {
        long end = System.nanoTime() + Math.max(0, within.toNanos());
        State s = state();
        while (s.failure() == null && s.running() != running && !(running && s.gaveUp()) && System.nanoTime() < end) {
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return s;
            }
            s = state();
        }
        return s;
    }

    private static String pids(State s) {
        if (s.pids().isEmpty()) {
            return "it";
        }
        return s.pids().size() == 1 ? "PID " + s.pids().get(0) : "PIDs " + s.pids();
    }

    /**
     * Why an instance started {@code since} may not answer its health check: whether it runs now,
     * and the errors its logs wrote since then (else the last lines of its main log). Tomcat that
     * cannot bind its port, for one, keeps running and says so only in its log.
     */
    String afterUnhealthyStart(Instant since) {
        State now = state();
        String state = now.failure() != null ? "" : "; now " + now.describe();
        List<String> errors = logLines(control.logs().errorsSince(since), LOG_ERROR_LINES);
        return state + (errors.isEmpty() ? logEnd() : "; its log since the start: " + String.join(" | ", errors));
    }

    /** The last lines of the instance's main log, where a start that failed usually says why. */
    private String logEnd() {
        List<String> lines = logLines(control.logs().tail(LOG_END_LINES), LOG_END_LINES);
        return lines.isEmpty() ? "" : "; its log ends: " + String.join(" | ", lines);
    }

    /** The first {@code most} non-blank lines the log script prints, each on one line and shortened. */
    private List<String> logLines(String script, int most) {
        Result r = run(script, QUICK);
        if (!r.ok()) {
            return List.of();
        }
        return r.stdout()
                .lines()
                .map(l -> l.strip().replaceAll("\\s+", " "))
                .filter(l -> !l.isEmpty())
                .limit(most)
                .map(l -> l.length() > LOG_LINE ? l.substring(0, LOG_LINE - 3) + "..." : l)
                .toList();
    }

    private static String lastWords(Result r) {
        String line = lastLine(r.stderr().isBlank() ? r.stdout() : r.stderr());
        return line.isEmpty() ? "" : "; it said: " + line;
    }

    private static String lastLine(String text) {
        String t = text.strip();
        return t.substring(t.lastIndexOf('\n') + 1);
    }
}

package dev.golive.target;

import java.util.List;
import java.util.stream.Collectors;

/** Shell fragments the service scripts share. */
final class Scripts {
    /**
     * Every script golive runs to find a process carries this word, and processes whose command line
     * holds it are skipped: the shell running a {@code pgrep -f PATTERN} has the pattern in its own
     * command line and would otherwise find itself.
     */
    static final String MARKER = "GOLIVE_PROBE";

    /** {@code alive PID}: true for a running process; a zombie left for a parent that never reaps counts as gone. */
    static final String ALIVE =
            "alive() { [ -d \"/proc/$1\" ] && ! grep -qs '^State:[[:space:]]*Z' \"/proc/$1/status\"; }\n";

    private Scripts() {}

    static String quote(String text) {
        return Shell.quote(text);
    }

    /** Exits 0 printing the PID in {@code file} when that process runs. */
    static String fromPidFile(String file) {
        return "p=$({ tr -dc 0-9 < " + quote(file) + "; } 2>/dev/null)\n"
                + "if [ -n \"$p\" ] && alive \"$p\"; then echo \"$p\"; exit 0; fi\n";
    }

    /** Exits 0 printing the PIDs of the processes whose command line matches {@code regex} (ERE). */
    static String fromPattern(String regex) {
        return ": " + MARKER + "\n"
                + "found=\n"
                + "for p in $(pgrep -f -- " + quote(regex) + "); do\n"
                + "  alive \"$p\" || continue\n"
                + "  grep -qsF " + MARKER + " \"/proc/$p/cmdline\" && continue\n"
                + "  echo \"$p\"; found=1\n"
                + "done\n"
                + "[ -n \"$found\" ] && exit 0\n";
    }

    /** {@code PIDS='1 2'}: what stop and kill scripts act on. */
    static String pids(List<Long> pids) {
        return "PIDS=" + quote(pids.stream().map(String::valueOf).collect(Collectors.joining(" "))) + "\n";
    }

    /** Sends {@code signal} to {@code $PIDS}. */
    static String signal(String signal) {
        return "[ -n \"$PIDS\" ] || { echo 'no PID to signal' >&2; exit 1; }\nkill -" + signal + " $PIDS\n";
    }

    /** An extended regular expression matching {@code text} literally. */
    static String literal(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\.[]{}()*+?^$|".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}

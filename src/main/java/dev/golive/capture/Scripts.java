package dev.golive.capture;

/** The shell scripts that capture a JVM on its host. */
final class Scripts {
    private Scripts() {}

    /**
     * Runs {@code jcmd PID COMMAND} with the jcmd of the JVM's own JDK, as the JVM's owner: the
     * attach mechanism answers only its own user.
     */
    static String jcmd(long pid, String command) {
        return prelude(pid) + "as_owner \"$j\" $p " + command + "\n";
    }

    /**
     * A compressed heap dump ({@code GC.heap_dump -gz=1}) written on the host, then sent back as
     * Base64 on standard output and removed.
     */
    static String heapDump(long pid) {
        return prelude(pid)
                + "f=/tmp/golive-heap-$p-$$.hprof.gz\n"
                + "as_owner \"$j\" $p GC.heap_dump -gz=1 \"$f\" >&2 || exit 1\n"
                + "as_owner base64 -w 76 \"$f\"; s=$?\nas_owner rm -f \"$f\"\nexit $s\n";
    }

    /** A flight recording of {@code seconds}, sent back as Base64 on standard output and removed. */
    static String flightRecording(long pid, long seconds) {
        return prelude(pid)
                + "f=/tmp/golive-$p-$$.jfr\n"
                + "as_owner \"$j\" $p JFR.start name=golive-$$ duration=" + seconds
                + "s filename=\"$f\" >&2 || exit 1\n"
                + "sleep " + seconds + "\n"
                + "for i in $(seq 1 60); do as_owner \"$j\" $p JFR.check name=golive-$$ 2>/dev/null | grep -q golive-$$"
                + " || break; sleep 1; done\n"
                + "[ -s \"$f\" ] || { echo \"no recording was written to $f\" >&2; exit 1; }\n"
                + "as_owner base64 -w 76 \"$f\"; s=$?\nas_owner rm -f \"$f\"\nexit $s\n";
    }

    /**
     * Finds the JVM's jcmd (next to it, in its JDK, or on the PATH) as {@code $j}, and defines
     * {@code as_owner} to run a command as the JVM's owner: the attach mechanism answers only its
     * own user.
     */
    private static String prelude(long pid) {
        return "p=" + pid + "\n"
                + "[ -r /proc/$p/status ] || { echo \"no process $p\" >&2; exit 1; }\n"
                + "exe=$(readlink /proc/$p/exe 2>/dev/null)\n"
                + "j=\"${exe%/*}/jcmd\"; [ -x \"$j\" ] || j=\"${exe%/*}/../../bin/jcmd\"\n"
                + "[ -x \"$j\" ] || j=$(command -v jcmd) || { echo \"no jcmd next to $exe nor on the PATH: the JVM"
                + " runs on a JRE; install a JDK\" >&2; exit 1; }\n"
                + "owner=$(stat -c %U /proc/$p)\n"
                + "if [ \"$(id -un)\" = \"$owner\" ]; then as_owner() { \"$@\"; }\n"
                + "elif [ \"$(id -u)\" = 0 ]; then as_owner() { runuser -u \"$owner\" -- \"$@\"; }\n"
                + "else as_owner() { sudo -n -u \"$owner\" \"$@\"; }; fi\n";
    }

    /** Per-thread CPU of the process: the thread table of {@code top -H}, as top prints it. */
    static String cpu(long pid) {
        return "top -H -b -n 1 -p " + pid + "\n";
    }
}

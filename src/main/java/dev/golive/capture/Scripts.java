package dev.golive.capture;

/** The shell scripts that capture a JVM on its host. */
final class Scripts {
    private Scripts() {}

    /**
     * Runs {@code jcmd PID COMMAND} with the jcmd of the JVM's own JDK, as the JVM's owner: the
     * attach mechanism answers only its own user.
     */
    static String jcmd(long pid, String command) {
        return "p=" + pid + "\n"
                + "[ -r /proc/$p/status ] || { echo \"no process $p\" >&2; exit 1; }\n"
                + "exe=$(readlink /proc/$p/exe 2>/dev/null)\n"
                + "j=\"${exe%/*}/jcmd\"; [ -x \"$j\" ] || j=\"${exe%/*}/../../bin/jcmd\"\n"
                + "[ -x \"$j\" ] || j=$(command -v jcmd) || { echo \"no jcmd next to $exe nor on the PATH: the JVM"
                + " runs on a JRE; install a JDK\" >&2; exit 1; }\n"
                + "owner=$(stat -c %U /proc/$p)\n"
                + "if [ \"$(id -un)\" = \"$owner\" ]; then \"$j\" $p " + command + "\n"
                + "elif [ \"$(id -u)\" = 0 ]; then runuser -u \"$owner\" -- \"$j\" $p " + command + "\n"
                + "else sudo -n -u \"$owner\" \"$j\" $p " + command + "; fi\n";
    }

    /** Per-thread CPU of the process: native thread id (decimal) and %CPU, from {@code top -H}. */
    static String cpu(long pid) {
        return "top -H -b -n 1 -p " + pid + " | awk 'f && $1 ~ /^[0-9]+$/ { print $1, $9, $12 } /^ *PID/ { f = 1 }'\n";
    }
}

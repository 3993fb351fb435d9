package dev.golive.target;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds out what a running process is, from {@code /proc} on its host: the program it runs, that
 * program's {@code -version}, and its command line, from which the JVM options are read.
 */
final class JvmDiscovery {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String VERSION = "--- version";
    private static final String CMDLINE = "--- cmdline";

    // Options whose value is the next argument; class and module paths are long and say little.
    private static final Set<String> WITH_VALUE = Set.of(
            "-cp",
            "-classpath",
            "--class-path",
            "-p",
            "--module-path",
            "--upgrade-module-path",
            "--add-modules",
            "--add-opens",
            "--add-exports",
            "--add-reads",
            "--patch-module",
            "--limit-modules");
    private static final Set<String> PATHS =
            Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path", "--upgrade-module-path");

    private JvmDiscovery() {}

    static String script(long pid) {
        return "p=" + pid + "\n"
                + "[ -r /proc/$p/cmdline ] || { echo \"no process $p\" >&2; exit 1; }\n"
                // /proc/PID/exe is readable only by the process's user; argv[0] is the fallback.
                + "exe=$(readlink /proc/$p/exe 2>/dev/null) || exe=$(tr '\\0' '\\n' < /proc/$p/cmdline | head -1)\n"
                + "echo \"$exe\"\n"
                + "echo '" + VERSION + "'\n"
                + "case \"$exe\" in */java|java) \"$exe\" -version 2>&1 | head -3;; esac\n"
                + "echo '" + CMDLINE + "'\n"
                + "tr '\\0' '\\n' < /proc/$p/cmdline\n";
    }

    static Duration timeout() {
        return TIMEOUT;
    }

    /** Reads what {@link #script} printed. */
    static JvmInfo parse(long pid, String output) {
        List<String> lines = output.lines().toList();
        int version = lines.indexOf(VERSION);
        int cmdline = lines.indexOf(CMDLINE);
        if (lines.isEmpty() || version < 0 || cmdline < version) {
            throw new TargetException("unexpected answer about process " + pid + ": " + output.strip());
        }
        String executable = lines.get(0).strip().replace(" (deleted)", "");
        List<String> versionLines = lines.subList(version + 1, cmdline);
        String versionLine = versionLines.stream()
                .filter(l -> l.contains("version"))
                .findFirst()
                .orElse(null);
        List<String> argv = lines.subList(cmdline + 1, lines.size());
        List<String> options = new ArrayList<>();
        String main = options(argv, options);
        return new JvmInfo(pid, executable, number(versionLine), versionLine, options, main);
    }

    /** Fills {@code options} from the arguments after the program; returns the main class or jar. */
    private static String options(List<String> argv, List<String> options) {
        for (int i = 1; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (arg.equals("-jar") || arg.equals("-m") || arg.equals("--module")) {
                return i + 1 < argv.size() ? argv.get(i + 1) : null;
            }
            if (!arg.startsWith("-")) {
                return arg;
            }
            if (WITH_VALUE.contains(arg) && i + 1 < argv.size()) {
                i++;
                if (!PATHS.contains(arg)) {
                    options.add(arg + " " + argv.get(i));
                }
            } else if (!PATHS.contains(arg.split("=", 2)[0])) {
                options.add(arg);
            }
        }
        return null;
    }

    /** {@code 17.0.15} from {@code openjdk version "17.0.15" 2025-04-15}. */
    private static String number(String versionLine) {
        if (versionLine == null) {
            return null;
        }
        int open = versionLine.indexOf('"');
        int close = versionLine.indexOf('"', open + 1);
        return open >= 0 && close > open ? versionLine.substring(open + 1, close) : null;
    }
}

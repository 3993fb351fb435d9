package dev.golive.target;

import java.util.List;

/**
 * A running JVM as found on its host, for diagnostics and the readiness check.
 *
 * @param pid its process id
 * @param executable the program it runs, from {@code /proc/PID/exe}
 * @param version the Java version, such as {@code 17.0.15}, or null when it could not be asked
 * @param versionLine the first line {@code java -version} printed, or null
 * @param options its JVM options, from {@code /proc/PID/cmdline}: everything before the main class,
 *     class and module paths left out
 * @param main the main class or {@code -jar} file, or null
 */
public record JvmInfo(
        long pid, String executable, String version, String versionLine, List<String> options, String main) {
    public JvmInfo {
        if (executable == null) {
            throw new IllegalArgumentException("executable is required");
        }
        options = List.copyOf(options);
    }

    /** True when the process runs a {@code java} program. */
    public boolean isJava() {
        return executable.endsWith("/java") || executable.equals("java");
    }
}

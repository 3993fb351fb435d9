package dev.golive.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may use of the world: its input and output streams and the environment
 * variables, and whether the output is a terminal (where a status line may be redrawn in place).
 * Tests give their own, so no command reads globals. Relative paths are taken as the
 * user wrote them, so that messages quote them the same way.
 */
record Context(BufferedReader in, PrintWriter out, PrintWriter err, Map<String, String> env, boolean terminal) {
    Context {
        env = Map.copyOf(env);
    }

    /** A context whose output is not a terminal. */
    Context(BufferedReader in, PrintWriter out, PrintWriter err, Map<String, String> env) {
        this(in, out, err, env, false);
    }

    static Context system() {
        Charset charset = Charset.defaultCharset();
        return new Context(
                new BufferedReader(new InputStreamReader(System.in, charset)),
                new PrintWriter(System.out, true),
                new PrintWriter(System.err, true),
                System.getenv(),
                stdoutIsTerminal());
    }

    Path resolve(String path) {
        return Path.of(path).normalize();
    }

    /** Whether standard output is a terminal; {@code Console.isTerminal} exists from Java 22 on. */
    private static boolean stdoutIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}

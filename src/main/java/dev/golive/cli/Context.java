package dev.golive.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may use of the world: its output streams and the environment variables. Tests
 * give their own, so no command reads globals. Relative paths are taken as the user wrote them, so
 * that messages quote them the same way.
 */
record Context(PrintWriter out, PrintWriter err, Map<String, String> env) {
    Context {
        env = Map.copyOf(env);
    }

    static Context system() {
        return new Context(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv());
    }

    Path resolve(String path) {
        return Path.of(path).normalize();
    }
}

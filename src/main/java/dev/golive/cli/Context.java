package dev.golive.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may use of the world: its input and output streams and the environment
 * variables. Tests give their own, so no command reads globals. Relative paths are taken as the
 * user wrote them, so that messages quote them the same way.
 */
record Context(BufferedReader in, PrintWriter out, PrintWriter err, Map<String, String> env) {
    Context {
        env = Map.copyOf(env);
    }

    static Context system() {
        Charset charset = Charset.defaultCharset();
        return new Context(
                new BufferedReader(new InputStreamReader(System.in, charset)),
                new PrintWriter(System.out, true),
                new PrintWriter(System.err, true),
                System.getenv());
    }

    Path resolve(String path) {
        return Path.of(path).normalize();
    }
}

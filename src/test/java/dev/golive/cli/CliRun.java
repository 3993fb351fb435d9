package dev.golive.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/** Runs golive in-process with captured output, a given environment and given input. */
record CliRun(int code, String out, String err) {
    static CliRun withInput(String input, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context context = new Context(
                new BufferedReader(new StringReader(input)),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                env);
        int code = Golive.run(context, args);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun of(Map<String, String> env, String... args) {
        return withInput("", env, args);
    }

    static CliRun of(String... args) {
        return of(Map.of(), args);
    }
}

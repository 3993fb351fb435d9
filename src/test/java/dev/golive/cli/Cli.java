package dev.golive.cli;

import java.util.Map;

/** Runs golive's command line in-process for tests of other packages: exit code and output. */
public final class Cli {
    private Cli() {}

    public record Result(int code, String out, String err) {}

    public static Result run(Map<String, String> env, String... args) {
        CliRun r = CliRun.withInput("", env, args);
        return new Result(r.code(), r.out(), r.err());
    }
}

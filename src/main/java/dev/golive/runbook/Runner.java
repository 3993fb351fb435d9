package dev.golive.runbook;

import dev.golive.store.Runners;

/** The golive process that runs a step ({@code pid@host@start}), as {@link Runners} names it. */
final class Runner {
    private Runner() {}

    static String self() {
        return Runners.self();
    }

    static boolean alive(String runner) {
        return Runners.alive(runner);
    }
}

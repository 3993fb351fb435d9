package dev.golive.record;

/**
 * A recording turned into a scenario.
 *
 * @param yaml the plan document holding the scenario
 * @param summary what was kept, dropped and replaced
 */
public record Imported(String yaml, Summary summary) {}

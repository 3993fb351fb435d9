package dev.golive.plan;

/**
 * What a release must have passed in the previous environment before it is deployed to this
 * one: the {@code promoteAfter:} map of an environment. Whatever it says, the same digests must
 * have been deployed there, and a smoke run must have passed on them.
 *
 * <p>Keys: {@code smoke} (the scenario whose smoke run must have passed; default: any passing
 * smoke run, the deploy's own instance smoke included), {@code loadtest} (a load test that must
 * have passed there; default: none).
 *
 * @param smoke the scenario, or null for any
 * @param loadTest the load test, or null for none
 * @param location where the map is written, or null for the defaults
 */
public record Promotion(String smoke, String loadTest, Location location) {
    /** Any passing smoke run, no load test. */
    public static Promotion defaults() {
        return new Promotion(null, null, null);
    }
}

package dev.golive.drill;

/**
 * One thing a drill checks, and whether it held.
 *
 * @param check what was checked, such as {@code errors during the fault}
 * @param expected what was wanted
 * @param actual what was measured
 * @param met whether it held
 */
public record Verdict(String check, String expected, String actual, boolean met) {}

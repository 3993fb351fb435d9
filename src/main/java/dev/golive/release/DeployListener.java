package dev.golive.release;

/** Hears each step of a deploy as it ends, to show progress. */
@FunctionalInterface
public interface DeployListener {
    DeployListener NONE = (instance, step, ok, detail) -> {};

    /**
     * @param instance the instance ({@code was/was1})
     * @param step what was done: {@code checked}, {@code uploaded}, {@code verified}, {@code drained},
     *     {@code stopped}, {@code installed}, {@code started}, {@code smoke}, {@code undrained},
     *     {@code restored}
     * @param ok whether it worked
     * @param detail one line
     */
    void step(String instance, String step, boolean ok, String detail);
}

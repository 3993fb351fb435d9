package dev.golive.drill;

/**
 * What one fault or restore action did to one instance.
 *
 * @param instance the instance, {@code service/host}
 * @param ok whether it did what was asked
 * @param detail what happened, said plainly
 */
public record Done(String instance, boolean ok, String detail) {}

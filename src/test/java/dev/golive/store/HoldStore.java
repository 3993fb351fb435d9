package dev.golive.store;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Run in a child JVM by the lock tests: keeps the embedded store open in one unit of work for a
 * while, printing {@code holding} once it has it. Arguments: plan directory, milliseconds.
 */
final class HoldStore {
    private HoldStore() {}

    public static void main(String[] arguments) {
        Store store = Store.open(null, Path.of(arguments[0]), UnaryOperator.identity());
        long millis = Long.parseLong(arguments[1]);
        store.transaction("hold the store", connection -> {
            System.out.println("holding");
            System.out.flush();
            sleep(millis);
            return null;
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

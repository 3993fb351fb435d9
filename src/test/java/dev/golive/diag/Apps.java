package dev.golive.diag;

import java.util.function.BooleanSupplier;

/** What the small programs the capture tests run in child JVMs share. */
final class Apps {
    private Apps() {}

    /** Waits until the program is in the state to be captured, then says so on standard output. */
    static void readyWhen(BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            sleep(20);
        }
        System.out.println("ready");
        System.out.flush();
    }

    /** Stays alive to be captured; the test ends the JVM. */
    static void stay() {
        sleep(600_000);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Thread start(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}

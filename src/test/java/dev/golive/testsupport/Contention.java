package dev.golive.testsupport;

/**
 * A JVM whose worker threads all want one lock, for captures to find: {@code Contention MARKER}
 * (the marker lets a test find this process by its command line).
 */
public final class Contention {
    private static final Object LOCK = new Object();

    private Contention() {}

    public static void main(String[] args) throws InterruptedException {
        for (int i = 1; i <= 8; i++) {
            Thread t = new Thread(Contention::work, "worker-" + i);
            t.setDaemon(true);
            t.start();
        }
        System.out.println("contending");
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void work() {
        while (true) {
            Ledger.post();
        }
    }

    /** Where the lock is taken. */
    static final class Ledger {
        private Ledger() {}

        static void post() {
            synchronized (LOCK) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}

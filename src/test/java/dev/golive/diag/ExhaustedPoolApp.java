package dev.golive.diag;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/** A fixed pool of four checkout workers, all in a slow call to a backend, and more work queued. */
final class ExhaustedPoolApp {
    static final class SlowBackend {
        static void call() {
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final int WORKERS = 4;

    private ExhaustedPoolApp() {}

    public static void main(String[] arguments) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS, task -> {
            Thread t = new Thread(task, "checkout-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < WORKERS * 3; i++) {
            pool.submit(SlowBackend::call);
        }
        ThreadPoolExecutor executor = (ThreadPoolExecutor) pool;
        Apps.readyWhen(() ->
                executor.getActiveCount() == WORKERS && executor.getQueue().size() == WORKERS * 2);
        Apps.stay();
    }
}

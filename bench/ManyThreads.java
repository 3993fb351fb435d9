import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A JVM with many platform threads in the stacks a loaded server shows: idle pool workers,
 * threads blocked on contended monitors, parked on contended ReentrantLocks, sleeping deep in
 * calls, and waiting in Object.wait. Prints "ready PID" when all are in place, then waits.
 * Usage: java ManyThreads.java [THREADS]   (default 10000)
 */
public class ManyThreads {
    private static final Object PARK = new Object();

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int share = total / 10;
        List<Thread> started = new ArrayList<>();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                share * 4, share * 4, 1, TimeUnit.HOURS, new LinkedBlockingQueue<>());
        pool.prestartAllCoreThreads();
        monitors(share * 2, 20, started);
        locks(share * 2, 10, started);
        for (int i = 0; i < share; i++) {
            started.add(start("deep-" + i, () -> deep(20)));
        }
        for (int i = 0; i < total - share * 9; i++) {
            started.add(start("waiter-" + i, ManyThreads::waitForever));
        }
        while (pool.getPoolSize() < share * 4 || blockedOrWaiting(started) < started.size()) {
            Thread.sleep(100);
        }
        System.out.println("ready " + ProcessHandle.current().pid());
        Thread.sleep(TimeUnit.HOURS.toMillis(1));
    }

    private static void monitors(int threads, int locks, List<Thread> started) throws InterruptedException {
        for (int l = 0; l < locks; l++) {
            Object monitor = new Object();
            CountDownLatch held = new CountDownLatch(1);
            started.add(start("monitor-holder-" + l, () -> {
                synchronized (monitor) {
                    held.countDown();
                    sleepForever();
                }
            }));
            held.await();
            for (int i = 0; i < threads / locks - 1; i++) {
                started.add(start("monitor-" + l + "-waiter-" + i, () -> {
                    synchronized (monitor) {
                        sleepForever();
                    }
                }));
            }
        }
    }

    private static void locks(int threads, int locks, List<Thread> started) throws InterruptedException {
        for (int l = 0; l < locks; l++) {
            ReentrantLock lock = new ReentrantLock();
            CountDownLatch held = new CountDownLatch(1);
            started.add(start("lock-holder-" + l, () -> {
                lock.lock();
                held.countDown();
                sleepForever();
            }));
            held.await();
            for (int i = 0; i < threads / locks - 1; i++) {
                started.add(start("lock-" + l + "-waiter-" + i, lock::lock));
            }
        }
    }

    private static long blockedOrWaiting(List<Thread> threads) {
        return threads.stream()
                .filter(t -> t.getState() == Thread.State.BLOCKED
                        || t.getState() == Thread.State.WAITING
                        || t.getState() == Thread.State.TIMED_WAITING)
                .count();
    }

    private static Thread start(String name, Runnable task) {
        Thread t = new Thread(null, task, name, 256 * 1024);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void deep(int depth) {
        if (depth == 0) {
            sleepForever();
        } else {
            deep(depth - 1);
        }
    }

    private static void waitForever() {
        synchronized (PARK) {
            try {
                PARK.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleepForever() {
        try {
            Thread.sleep(TimeUnit.HOURS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

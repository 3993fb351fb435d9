package dev.golive.diag;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/** Two transfers that take two ReentrantLocks in opposite orders: a deadlock on java.util.concurrent locks. */
final class LockDeadlockApp {
    private LockDeadlockApp() {}

    public static void main(String[] arguments) {
        ReentrantLock a = new ReentrantLock();
        ReentrantLock b = new ReentrantLock();
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Apps.start("settle-a-then-b", () -> settle(a, b, bothHoldOne));
        Apps.start("settle-b-then-a", () -> settle(b, a, bothHoldOne));
        Apps.readyWhen(() -> a.hasQueuedThreads() && b.hasQueuedThreads());
        Apps.stay();
    }

    private static void settle(ReentrantLock first, ReentrantLock second, CountDownLatch bothHoldOne) {
        first.lock();
        try {
            bothHoldOne.countDown();
            MonitorDeadlockApp.await(bothHoldOne);
            second.lock();
            second.unlock();
        } finally {
            first.unlock();
        }
    }
}

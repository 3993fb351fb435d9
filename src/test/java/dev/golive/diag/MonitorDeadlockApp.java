package dev.golive.diag;

import java.util.concurrent.CountDownLatch;

/** Two transfers that lock two accounts in opposite orders: a deadlock on monitors. */
final class MonitorDeadlockApp {
    static final class Account {}

    private MonitorDeadlockApp() {}

    public static void main(String[] arguments) {
        Account a = new Account();
        Account b = new Account();
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Thread ab = Apps.start("transfer-a-to-b", () -> transfer(a, b, bothHoldOne));
        Thread ba = Apps.start("transfer-b-to-a", () -> transfer(b, a, bothHoldOne));
        Apps.readyWhen(() -> ab.getState() == Thread.State.BLOCKED && ba.getState() == Thread.State.BLOCKED);
        Apps.stay();
    }

    private static void transfer(Account from, Account to, CountDownLatch bothHoldOne) {
        synchronized (from) {
            bothHoldOne.countDown();
            await(bothHoldOne);
            synchronized (to) {
                System.out.println("transferred");
            }
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

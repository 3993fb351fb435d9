package dev.golive.diag;

import java.util.ArrayList;
import java.util.List;

/** Keeps every order it takes in a static list, so that the orders' class grows in every histogram. */
final class LeakApp {
    record LeakedOrder(long id, long placedAt) {}

    private static final List<LeakedOrder> ORDERS = new ArrayList<>();
    private static final int BATCH = 20_000;
    private static final int LIMIT = 3_000_000;

    private LeakApp() {}

    public static void main(String[] arguments) {
        Apps.start("order-intake", LeakApp::take);
        Apps.readyWhen(() -> size() > 0);
        Apps.stay();
    }

    private static void take() {
        for (long id = 0; id < LIMIT; id++) {
            synchronized (ORDERS) {
                ORDERS.add(new LeakedOrder(id, System.nanoTime()));
            }
            if (id % BATCH == 0) {
                Apps.sleep(200);
            }
        }
    }

    private static int size() {
        synchronized (ORDERS) {
            return ORDERS.size();
        }
    }
}

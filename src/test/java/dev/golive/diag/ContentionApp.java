package dev.golive.diag;

import java.util.ArrayList;
import java.util.List;

/** Eight writers that each hold one ledger's monitor for a while: the others wait, blocked. */
final class ContentionApp {
    static final class Ledger {}

    private static final Ledger LEDGER = new Ledger();
    private static final int WRITERS = 8;

    private ContentionApp() {}

    public static void main(String[] arguments) {
        List<Thread> writers = new ArrayList<>();
        for (int i = 1; i <= WRITERS; i++) {
            writers.add(Apps.start("order-writer-" + i, ContentionApp::write));
        }
        Apps.readyWhen(() -> writers.stream()
                        .filter(t -> t.getState() == Thread.State.BLOCKED)
                        .count()
                == WRITERS - 1);
        Apps.stay();
    }

    private static void write() {
        while (true) {
            synchronized (LEDGER) {
                Apps.sleep(400);
            }
        }
    }
}

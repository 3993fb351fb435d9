package dev.golive.web;

import dev.golive.store.JournalEntry;
import dev.golive.store.JournalQuery;
import dev.golive.store.Run;
import dev.golive.store.Store;
import dev.golive.store.StoreException;
import io.javalin.http.sse.SseClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Tells every open page what changed, by server-sent events. The journal is the one record of
 * what happened, whoever did it (the dashboard, a golive command on another terminal, a load
 * generator), so the feed watches its end and sends each new entry's kind and run; every second
 * while a load test runs it also sends a {@code load} event, so that its charts grow. Pages fetch
 * what they show again when an event concerns them.
 */
final class Feed implements AutoCloseable {
    private static final long PAUSE_MILLIS = 250;
    private static final long LOAD_MILLIS = 1000;
    private static final int MOST_AT_ONCE = 100;

    private final Store store;
    private final Function<Object, String> json;
    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;
    private long last = -1;

    Feed(Store store, Function<Object, String> json) {
        this.store = store;
        this.json = json;
        this.thread = Thread.ofPlatform().daemon().name("golive-dashboard-feed").unstarted(this::watch);
    }

    void start() {
        thread.start();
    }

    void add(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendEvent("hello", "{}");
    }

    int clients() {
        return clients.size();
    }

    private void watch() {
        long nextLoad = 0;
        while (!closed) {
            try {
                journal();
                long now = System.currentTimeMillis();
                if (now >= nextLoad) {
                    nextLoad = now + LOAD_MILLIS;
                    loads();
                }
            } catch (StoreException e) {
                // The store is busy or away for a moment; the next round tries again.
            } catch (RuntimeException e) {
                // A client that went away mid-send; it is dropped by its close callback.
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void journal() {
        if (clients.isEmpty()) {
            // Nobody watches: the store is left alone, and the next page starts from the end.
            last = -1;
            return;
        }
        long end = store.journal().last();
        if (last < 0) {
            last = end;
            return;
        }
        if (end <= last) {
            return;
        }
        int n = (int) Math.min(MOST_AT_ONCE, end - last);
        List<JournalEntry> fresh = store.journal().list(JournalQuery.all().withLimit(n));
        for (JournalEntry e : fresh) {
            if (e.seq() > last) {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("seq", e.seq());
                event.put("kind", e.kind());
                event.put("run", e.runId());
                event.put("subject", e.subject());
                event.put("actor", e.actor());
                send("journal", json.apply(event));
            }
        }
        last = end;
    }

    private void loads() {
        if (clients.isEmpty()) {
            return;
        }
        for (Run run : store.runs().recent(20)) {
            if (run.kind().equals("load") && !run.ended()) {
                send("load", json.apply(Map.of("run", run.id())));
            }
        }
    }

    private void send(String event, String data) {
        for (SseClient c : clients) {
            if (c.terminated()) {
                clients.remove(c);
                continue;
            }
            try {
                c.sendEvent(event, data);
            } catch (RuntimeException e) {
                clients.remove(c);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        clients.forEach(c -> {
            try {
                c.close();
            } catch (RuntimeException e) {
                // already gone
            }
        });
        clients.clear();
    }
}

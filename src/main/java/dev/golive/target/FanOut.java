package dev.golive.target;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Does work on many items at once, a bounded number at a time, giving results in item order. */
final class FanOut {
    private FanOut() {}

    /**
     * @param failed turns an exception thrown for an item into that item's result, so one item's
     *     failure never stops the others
     */
    static <T, R> List<R> map(List<T> items, int parallelism, Function<T, R> work, BiFunction<T, Throwable, R> failed) {
        if (items.isEmpty()) {
            return List.of();
        }
        if (items.size() == 1) {
            return List.of(safely(items.get(0), work, failed));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(items.size(), parallelism));
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> safely(item, work, failed)));
            }
            List<R> results = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                results.add(join(futures.get(i), items.get(i), failed));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T, R> R safely(T item, Function<T, R> work, BiFunction<T, Throwable, R> failed) {
        try {
            return work.apply(item);
        } catch (RuntimeException e) {
            return failed.apply(item, e);
        }
    }

    private static <T, R> R join(Future<R> future, T item, BiFunction<T, Throwable, R> failed) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed.apply(item, e);
        } catch (ExecutionException e) {
            return failed.apply(item, e.getCause());
        }
    }
}

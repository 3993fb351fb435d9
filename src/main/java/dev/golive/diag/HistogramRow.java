package dev.golive.diag;

/** One row of a class histogram: a class, its module when printed, its instances and their bytes. */
public record HistogramRow(String className, String module, long instances, long bytes) {
    public HistogramRow {
        if (className == null || className.isEmpty()) {
            throw new IllegalArgumentException("a histogram row needs a class name");
        }
        module = module == null ? "" : module;
    }
}

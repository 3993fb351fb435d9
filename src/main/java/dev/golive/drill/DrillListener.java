package dev.golive.drill;

/** Hears a running drill: a line for each phase and what was done, and a status line every second. */
public interface DrillListener {
    void phase(String line);

    void status(String line);

    DrillListener NONE = new DrillListener() {
        @Override
        public void phase(String line) {}

        @Override
        public void status(String line) {}
    };
}

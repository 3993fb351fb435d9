package dev.golive.runbook;

import java.io.PrintWriter;

/** The person at the console during {@code golive runbook go} and {@code resume}. */
public interface Operator {
    /** Asks a question and returns the answer, or null when nobody can answer (no more input). */
    String ask(String question);

    /** Where to print. */
    PrintWriter out();
}

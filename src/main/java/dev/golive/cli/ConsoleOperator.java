package dev.golive.cli;

import dev.golive.runbook.Operator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** The person at the terminal: questions go to the output, answers come from the input. */
final class ConsoleOperator implements Operator {
    private final Context context;

    ConsoleOperator(Context context) {
        this.context = context;
    }

    @Override
    public String ask(String question) {
        synchronized (context.out()) {
            context.out().print(question);
            context.out().flush();
            try {
                return context.in().readLine();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the answer", e);
            }
        }
    }

    @Override
    public PrintWriter out() {
        return context.out();
    }
}

package dev.golive.runbook;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** An operator who gives prepared answers, in order, and keeps the questions asked. */
final class Answers implements Operator {
    private final Deque<String> answers;
    private final List<String> questions = new ArrayList<>();
    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text, true);

    Answers(String... answers) {
        this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public synchronized String ask(String question) {
        questions.add(question);
        out.print(question);
        return answers.poll();
    }

    @Override
    public PrintWriter out() {
        return out;
    }

    synchronized List<String> questions() {
        return List.copyOf(questions);
    }

    String printed() {
        out.flush();
        return text.toString();
    }
}

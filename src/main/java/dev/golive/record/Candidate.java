package dev.golive.record;

import java.util.List;

/**
 * A value a response gave and a later request sent back: a session or CSRF token, an id. When it
 * came from one place that a save can express, it is saved there and replaced where it is sent;
 * otherwise it is listed for a person to decide.
 *
 * @param value the value, shortened
 * @param length its length
 * @param from where responses hold it: {@code #1 GET /shop/signin: hidden input csrf}
 * @param to where requests send it: {@code #2 POST /shop/signin: form csrf}
 * @param saved the name it is saved as, or null when it was not replaced
 * @param expression the save expression, or null
 * @param reason why it was not replaced, or null
 */
public record Candidate(
        String value, int length, List<String> from, List<String> to, String saved, String expression, String reason) {
    public Candidate {
        from = List.copyOf(from);
        to = List.copyOf(to);
    }

    public boolean replaced() {
        return saved != null;
    }
}

package dev.golive.scenario;

import dev.golive.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** One expectation on a response; says what was expected and what came when it is not met. */
interface Check {
    Optional<String> failure(Exchange exchange);

    /**
     * The checks a request's {@code expect:} asks for, with the user's values filled into the
     * expected texts; the status is always checked.
     */
    static List<Check> of(Step.ResponseCheck expect, UnaryOperator<String> fill) {
        List<Check> checks = new ArrayList<>();
        checks.add(new StatusCheck(expect.status()));
        if (expect.contains() != null) {
            checks.add(new ContainsCheck(fill.apply(expect.contains())));
        }
        if (expect.regex() != null) {
            checks.add(new RegexCheck(fill.apply(expect.regex())));
        }
        expect.json().forEach((path, value) -> checks.add(new JsonCheck(path, fill.apply(value))));
        expect.headers().forEach((name, value) -> checks.add(new HeaderCheck(name, fill.apply(value))));
        if (expect.minSize() != null || expect.maxSize() != null) {
            checks.add(new SizeCheck(expect.minSize(), expect.maxSize()));
        }
        if (expect.maxTime() != null) {
            checks.add(new MaxTimeCheck(expect.maxTime()));
        }
        return checks;
    }
}

package dev.golive.drill;

import dev.golive.target.ServiceAction;
import java.util.ArrayList;
import java.util.List;

/** Undoes a fault, step by step; a step that fails never stops the others. */
final class Restorer {
    private Restorer() {}

    static List<Done> run(List<RestoreStep> steps, Tools tools) {
        List<Done> out = new ArrayList<>();
        for (RestoreStep s : steps) {
            try {
                out.add(one(s, tools));
            } catch (RuntimeException e) {
                out.add(new Done(s.instance(), false, s.action() + " failed: " + e.getMessage()));
            }
        }
        return out;
    }

    private static Done one(RestoreStep s, Tools tools) {
        return switch (s.action()) {
            case "start" -> tools.act(s.instance(), ServiceAction.START);
            case "continue" -> HangFault.restore(s, tools);
            case "unblock" -> BlockFault.restore(s, tools);
            default -> throw new IllegalArgumentException("unknown restore action " + s.action());
        };
    }
}

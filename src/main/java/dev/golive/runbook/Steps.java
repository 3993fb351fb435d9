package dev.golive.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.golive.store.JournalEntry;

/** How each journal entry about a step changes that step's state. */
final class Steps {
    private Steps() {}

    static void apply(StepState s, JournalEntry e, JsonNode data, RunState run) {
        switch (e.kind()) {
            case Events.INTENT -> {
                s.status = StepStatus.RUNNING;
                s.attempts++;
                s.runner = Events.text(data, "runner");
                s.launched = false;
                s.started = s.started == null ? e.at() : s.started;
                s.actor = e.actor();
            }
            case Events.LAUNCHED -> s.launched = true;
            case Events.FINISHED -> finish(s, e, data);
            case Events.CONFIRMED -> end(s, e, StepStatus.DONE, null);
            case Events.FAILED -> end(s, e, StepStatus.FAILED, Events.text(data, "reason"));
            case Events.SKIPPED -> {
                end(s, e, StepStatus.SKIPPED, Events.text(data, "reason"));
                s.approvedBy = Events.text(data, "approvedBy");
            }
            case Events.RESOLVED -> resolve(s, e, data);
            case Events.APPROVED -> approve(s, e, data, run);
            case Events.REJECTED -> end(s, e, StepStatus.REJECTED, Events.text(data, "reason"));
            default -> {}
        }
    }

    private static void finish(StepState s, JournalEntry e, JsonNode data) {
        boolean ok = "done".equals(Events.text(data, "result"));
        end(s, e, ok ? StepStatus.DONE : StepStatus.FAILED, Events.text(data, "reason"));
        s.evidence = Events.text(data, "evidence");
    }

    private static void resolve(StepState s, JournalEntry e, JsonNode data) {
        String as = Events.text(data, "as");
        String reason = Events.text(data, "reason");
        switch (as == null ? "" : as) {
            case "done" -> end(s, e, StepStatus.DONE, reason);
            case "failed" -> end(s, e, StepStatus.FAILED, reason);
            default -> {
                s.status = StepStatus.WAITING;
                s.ended = null;
                s.reason = reason;
            }
        }
    }

    private static void approve(StepState s, JournalEntry e, JsonNode data, RunState run) {
        s.approvals.add(new StepState.Approval(e.actor(), Events.text(data, "as"), e.at()));
        s.started = s.started == null ? e.at() : s.started;
        if (run.openSlots(s).isEmpty() && !run.onlyStarterApproved(s)) {
            end(s, e, StepStatus.DONE, null);
        }
    }

    private static void end(StepState s, JournalEntry e, StepStatus status, String reason) {
        s.status = status;
        s.ended = e.at();
        s.actor = e.actor();
        s.reason = reason;
    }
}

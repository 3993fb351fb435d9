package dev.golive.runbook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The state of one step, built up from the journal entries of its run. */
final class StepState {
    final StepDef def;
    StepStatus status = StepStatus.WAITING;
    Instant started;
    Instant ended;
    int attempts;
    boolean launched;
    String runner;
    String actor;
    String reason;
    String approvedBy;
    String evidence;
    final List<Approval> approvals = new ArrayList<>();
    final List<String> history = new ArrayList<>();

    StepState(StepDef def) {
        this.def = def;
    }

    /** One approval of a gate: who, and for which approver slot. */
    record Approval(String person, String as, Instant at) {}

    boolean running() {
        return status == StepStatus.RUNNING || status == StepStatus.IN_DOUBT;
    }

    /** Done in the sense that the steps after it may go on. */
    boolean satisfied() {
        return status == StepStatus.DONE
                || status == StepStatus.SKIPPED
                || (status == StepStatus.FAILED && "continue".equals(def.onFailure()));
    }
}

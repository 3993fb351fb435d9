package dev.golive.runbook;

/** What golive does for one kind of automatic step. */
interface StepAction {
    /** Carries the step out; returns its outcome, never throws for the step's own failure. */
    Outcome run(StepDef step, ActionContext context) throws InterruptedException;

    /**
     * How a step ended.
     *
     * @param ok true when it did what it should
     * @param reason why not, one line, or null
     * @param evidence what it left behind: output, results
     */
    record Outcome(boolean ok, String reason, String evidence) {
        static Outcome done(String evidence) {
            return new Outcome(true, null, evidence);
        }

        static Outcome failed(String reason, String evidence) {
            return new Outcome(false, reason, evidence);
        }
    }
}

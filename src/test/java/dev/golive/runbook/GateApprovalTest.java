package dev.golive.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateApprovalTest {
    private static final String ROLES = "{alice=[pm], carol=[pm], bob=[architect], dave=[qa]}";

    @TempDir
    Path dir;

    private Harness h;

    @BeforeEach
    void engine() {
        h = Harness.of(dir, "gates.yaml");
    }

    @Test
    void gatePassesOnceEveryApproverRoleHasApproved() {
        String run = h.start("two-roles", "staging", "dave");

        h.runbooks.approve(run, "go", "bob");
        StepView half = h.step(run, "go");
        assertThat(half.status()).isEqualTo(StepStatus.READY);
        assertThat(half.approvals()).containsExactly("bob as architect");
        assertThat(half.waitingFor()).containsExactly("pm");

        h.runbooks.approve(run, "go", "carol");
        StepView passed = h.step(run, "go");
        assertThat(passed.status()).isEqualTo(StepStatus.DONE);
        assertThat(passed.approvals()).containsExactly("bob as architect", "carol as pm");
        assertThat(passed.waitingFor()).isEmpty();
        assertThat(h.status(run, "announce")).isEqualTo(StepStatus.READY);
    }

    @Test
    void approvalWithoutTheRightRoleIsRefused() {
        String run = h.start("two-roles", "staging", "alice");

        assertThatThrownBy(() -> h.runbooks.approve(run, "go", "dave"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("dave cannot approve gate go: it waits for [pm, architect]; roles: " + ROLES);
        assertThat(h.step(run, "go").approvals()).isEmpty();
    }

    @Test
    void roleAlreadyFilledCannotBeFilledAgainByAnotherHolder() {
        String run = h.start("two-roles", "staging", "dave");
        h.runbooks.approve(run, "go", "alice");

        assertThatThrownBy(() -> h.runbooks.approve(run, "go", "carol"))
                .isInstanceOf(RunbookException.class)
                .hasMessageStartingWith("carol cannot approve gate go: it waits for [architect]");
    }

    @Test
    void approverNamedByNameMayApprove() {
        String run = h.start("by-name", "staging", "alice");

        h.runbooks.approve(run, "go", "bob");

        assertThat(h.step(run, "go").approvals()).containsExactly("bob as bob");
        assertThat(h.view(run).outcome()).isEqualTo("done");
    }

    @Test
    void anApproverCannotApproveTwice() {
        String run = h.start("two-roles", "staging", "dave");
        h.runbooks.approve(run, "go", "bob");

        assertThatThrownBy(() -> h.runbooks.approve(run, "go", "bob"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("bob has already approved gate go");
        assertThat(h.step(run, "go").approvals()).containsExactly("bob as architect");
    }

    @Test
    void starterAloneCannotPassAGateEvenHoldingTheRole() {
        String run = h.start("pm-only", "staging", "alice");

        h.runbooks.approve(run, "go", "alice");

        StepView gate = h.step(run, "go");
        assertThat(gate.status()).isEqualTo(StepStatus.READY);
        assertThat(gate.approvals()).containsExactly("alice as pm");
        assertThat(gate.waitingFor()).containsExactly("someone other than alice, who started the run");
        assertThat(h.view(run).active()).isTrue();
    }

    @Test
    void secondHolderOfTheRolePassesTheGateTheStarterApproved() {
        String run = h.start("pm-only", "staging", "alice");
        h.runbooks.approve(run, "go", "alice");

        RunView after = h.runbooks.approve(run, "go", "carol");

        assertThat(after.step("go").orElseThrow().status()).isEqualTo(StepStatus.DONE);
        assertThat(after.step("go").orElseThrow().approvals()).containsExactly("alice as pm", "carol as pm");
        assertThat(after.outcome()).isEqualTo("done");
    }

    @Test
    void afterTheStarterApprovedSomeoneWithoutTheRoleStillCannot() {
        String run = h.start("pm-only", "staging", "alice");
        h.runbooks.approve(run, "go", "alice");

        assertThatThrownBy(() -> h.runbooks.approve(run, "go", "bob"))
                .isInstanceOf(RunbookException.class)
                .hasMessageStartingWith(
                        "bob cannot approve gate go: it waits for [someone other than alice, who started the run]");
    }

    @Test
    void starterMayApproveWhenAnotherPersonFillsTheOtherRole() {
        String run = h.start("two-roles", "staging", "alice");
        h.runbooks.approve(run, "go", "alice");

        h.runbooks.approve(run, "go", "bob");

        assertThat(h.status(run, "go")).isEqualTo(StepStatus.DONE);
    }

    @Test
    void aSingleApprovalBySomeoneOtherThanTheStarterPassesAOneRoleGate() {
        String run = h.start("pm-only", "staging", "dave");

        h.runbooks.approve(run, "go", "carol");

        assertThat(h.status(run, "go")).isEqualTo(StepStatus.DONE);
    }

    @Test
    void gateIsNotApprovedBeforeItsStepsAreDone() {
        String run = h.start("gate-after-deploy", "staging", "dave");

        assertThatThrownBy(() -> h.runbooks.approve(run, "go", "alice"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("step go cannot be approved now: it waits for [deploy]");
    }

    @Test
    void onlyGatesAreApproved() {
        String run = h.start("gate-after-deploy", "staging", "dave");

        assertThatThrownBy(() -> h.runbooks.approve(run, "deploy", "alice"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("step deploy is a manual step, not a gate");
    }

    @Test
    void rejectionNeedsAReason() {
        String run = h.start("two-roles", "staging", "dave");

        assertThatThrownBy(() -> h.runbooks.reject(run, "go", "alice", ""))
                .isInstanceOf(RunbookException.class)
                .hasMessage("rejecting gate go needs a reason: add --reason \"...\"");
        assertThat(h.status(run, "go")).isEqualTo(StepStatus.READY);
    }

    @Test
    void rejectionNeedsAnApprover() {
        String run = h.start("two-roles", "staging", "alice");

        assertThatThrownBy(() -> h.runbooks.reject(run, "go", "dave", "smoke tests are red"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("dave is not one of the approvers of gate go: [pm, architect]");
        assertThat(h.status(run, "go")).isEqualTo(StepStatus.READY);
    }

    @Test
    void rejectionByAnApproverStopsTheGateWithItsReason() {
        String run = h.start("two-roles", "staging", "dave");

        h.runbooks.reject(run, "go", "bob", "smoke tests are red");

        StepView gate = h.step(run, "go");
        assertThat(gate.status()).isEqualTo(StepStatus.REJECTED);
        assertThat(gate.reason()).isEqualTo("smoke tests are red");
        assertThat(gate.actor()).isEqualTo("bob");
        assertThat(h.status(run, "announce")).isEqualTo(StepStatus.WAITING);
        assertThat(h.view(run).active()).isTrue();
    }

    @Test
    void rejectedGateCannotBeApprovedAfterwards() {
        String run = h.start("two-roles", "staging", "dave");
        h.runbooks.reject(run, "go", "bob", "smoke tests are red");

        assertThatThrownBy(() -> h.runbooks.approve(run, "go", "alice"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("step go cannot be approved now: it is rejected");
    }

    @Test
    void gateIsNotFailedButRejected() {
        String run = h.start("two-roles", "staging", "dave");

        assertThatThrownBy(() -> h.runbooks.fail(run, "go", "bob", "no"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("step go is a gate: reject it with a reason instead");
    }

    @Test
    void refusesToStartARunWhoseGateOnlyTheStarterCouldPass(@TempDir Path other) {
        Harness bobs = Harness.of(other, "gates.yaml");

        assertThatThrownBy(() -> bobs.start("by-name", "staging", "bob"))
                .isInstanceOf(RunbookException.class)
                .hasMessage("gate go could only be approved by bob, who is starting the run, and a gate is never passed"
                        + " by the starter alone: let someone else start it, or add an approver");
    }
}

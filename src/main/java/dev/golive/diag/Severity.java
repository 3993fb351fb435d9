package dev.golive.diag;

/** How much a finding matters: CRITICAL stops the system, WARNING slows it, INFO describes it. */
public enum Severity {
    CRITICAL,
    WARNING,
    INFO
}

package dev.golive.diag;

import java.util.List;

/**
 * What was read and what was found: the captures, file by file, and the findings, most important
 * first (by severity, then causes before symptoms, then by how many threads they concern).
 */
public record Diagnosis(List<Capture> captures, List<Finding> findings) {
    public Diagnosis {
        captures = List.copyOf(captures);
        findings = List.copyOf(findings);
    }

    /** The findings of one kind, in order. */
    public List<Finding> findings(FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }
}

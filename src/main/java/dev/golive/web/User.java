package dev.golive.web;

import java.time.Instant;

/** A person who may use the dashboard: the name is the one the journal and the plan's people use. */
public record User(String name, Role role, String createdBy, Instant createdAt) {}

package dev.golive.runbook;

import dev.golive.plan.Environment;
import dev.golive.plan.Plan;
import dev.golive.target.Hosts;
import java.io.PrintWriter;
import java.time.Clock;

/** What a step action may use: the plan, the run's environment, its hosts, a clock, the console. */
record ActionContext(Plan plan, Environment environment, Hosts hosts, Clock clock, PrintWriter out) {}

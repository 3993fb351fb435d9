package dev.golive.scenario;

import java.time.Duration;

/** One request with its response and how long the response took. */
record Exchange(Outgoing request, Incoming response, Duration time) {}

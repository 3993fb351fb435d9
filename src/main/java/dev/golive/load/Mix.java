package dev.golive.load;

import dev.golive.plan.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Picks the scenario of each iteration by the shares of the test's mix. */
final class Mix {
    private final List<Scenario> scenarios = new ArrayList<>();
    private final double[] upTo;

    Mix(Map<String, Double> shares, Map<String, Scenario> scenarios) {
        this.upTo = new double[shares.size()];
        double sum = 0;
        int i = 0;
        for (Map.Entry<String, Double> share : shares.entrySet()) {
            Scenario s = scenarios.get(share.getKey());
            if (s == null) {
                throw new IllegalArgumentException(
                        "the mix names scenario '" + share.getKey() + "', which the plan does not have");
            }
            this.scenarios.add(s);
            sum += share.getValue();
            upTo[i++] = sum;
        }
    }

    Scenario pick() {
        double r = ThreadLocalRandom.current().nextDouble(upTo[upTo.length - 1]);
        for (int i = 0; i < upTo.length; i++) {
            if (r < upTo[i]) {
                return scenarios.get(i);
            }
        }
        return scenarios.getLast();
    }
}

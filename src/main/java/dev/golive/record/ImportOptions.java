package dev.golive.record;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a recording is turned into a scenario.
 *
 * @param scenario the scenario's name
 * @param keepStatic keep scripts, styles, images and fonts
 * @param keepOtherOrigins keep requests to other origins than the entry's
 * @param drop URL patterns of requests to leave out, besides static resources
 * @param entry the URL prefix relative steps are written against, or null for the origin of the
 *     first request kept
 */
public record ImportOptions(
        String scenario, boolean keepStatic, boolean keepOtherOrigins, List<Pattern> drop, String entry) {
    public ImportOptions {
        drop = List.copyOf(drop);
    }
}

package org.peerage.routeserver;

import java.util.List;

/**
 * What a configuration reload did, or why it was refused (the running configuration is then kept).
 *
 * @param errors            empty when applied
 * @param reset             sessions restarted because how they are made changed (password, timers, ADD-PATH, ...)
 * @param reevaluatedPaths  paths whose import checks ran again
 * @param changedPaths      of those, the paths whose verdict (or RPKI state) changed
 * @param changedPrefixes   prefixes whose export was looked at again
 */
public record ReloadResult(List<String> errors, int added, int removed, int reset, long reevaluatedPaths,
                           long changedPaths, long changedPrefixes, boolean exportChanged, double seconds) {
    public ReloadResult {
        errors = List.copyOf(errors);
    }

    static ReloadResult refused(List<String> errors) {
        return new ReloadResult(errors, 0, 0, 0, 0, 0, 0, false, 0);
    }

    public boolean applied() {
        return errors.isEmpty();
    }

    /** One line for logs and the CLI. */
    public String summary() {
        if (!applied()) return "reload refused, the running configuration is kept: " + String.join("; ", errors);
        return String.format("reload applied in %.3f s: %d sessions added, %d removed, %d reset; %d paths re-evaluated,"
                + " %d changed; %d prefixes re-exported%s", seconds, added, removed, reset, reevaluatedPaths,
                changedPaths, changedPrefixes, exportChanged ? " (export settings changed: every prefix)" : "");
    }
}

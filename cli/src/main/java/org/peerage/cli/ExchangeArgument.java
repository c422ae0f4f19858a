package org.peerage.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.peerage.registry.Registry;
import org.peerage.registry.model.Exchange;

/** Resolves the NAME|ID an operator gives for an exchange, explaining a miss or an ambiguity. */
final class ExchangeArgument {
    private ExchangeArgument() {
    }

    static Optional<Exchange> resolve(Registry registry, String query, String command, PrintStream err)
            throws IOException {
        List<Exchange> found = registry.findExchanges(query);
        if (found.isEmpty()) {
            err.println("peerage registry " + command + ": no exchange matches " + query);
            return Optional.empty();
        }
        if (found.size() > 1) {
            err.println("peerage registry " + command + ": " + query + " matches " + found.size()
                    + " exchanges; name one by its id:");
            for (Exchange x : found.subList(0, Math.min(20, found.size()))) {
                err.println("  " + x.id() + "  " + x.name() + (x.nameLong() == null ? "" : "  (" + x.nameLong() + ")")
                        + "  " + x.source());
            }
            return Optional.empty();
        }
        return Optional.of(found.getFirst());
    }
}

package org.peerage.registry.load;

import java.util.OptionalLong;

/** Gives each IX-F export's exchange the ix id its rows use; the store keeps the ids it hands out. */
@FunctionalInterface
public interface ExchangeIds {
    /**
     * @param source      the export's source, {@code ixf:...}
     * @param peeringdbId the PeeringDB ix id the export declares, if any; it is then the id
     */
    long idFor(String source, OptionalLong peeringdbId);
}

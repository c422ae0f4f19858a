package org.peerage.policy.aspa;

import java.util.Arrays;

/**
 * A validated ASPA: the ASes {@code customer} attests as its providers. AS 0 among the providers means "none"
 * (draft-ietf-sidrops-aspa-profile): it authorizes no AS.
 */
public record Aspa(long customer, long[] providers) {
    public Aspa {
        providers = providers.clone();
    }

    @Override
    public long[] providers() {
        return providers.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Aspa a && a.customer == customer && Arrays.equals(a.providers, providers);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(customer) * 31 + Arrays.hashCode(providers);
    }

    @Override
    public String toString() {
        return "AS" + customer + " -> " + Arrays.toString(providers);
    }
}

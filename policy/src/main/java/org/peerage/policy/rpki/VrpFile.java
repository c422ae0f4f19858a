package org.peerage.policy.rpki;

import java.util.List;
import org.peerage.policy.aspa.Aspa;

/**
 * What one validator output file holds.
 *
 * @param expiredDropped VRPs and ASPAs left out because their {@code expires} time had passed
 * @param format         the format recognized: "rpki-client", "ripe-validator" or "vrp-json" (a bare "roas" list)
 */
public record VrpFile(List<Vrp> vrps, List<Aspa> aspas, int expiredDropped, String format) {
    public VrpFile {
        vrps = List.copyOf(vrps);
        aspas = List.copyOf(aspas);
    }
}

package org.peerage.routeserver.filter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.peerage.policy.PolicyDataException;
import org.peerage.policy.aspa.Aspa;
import org.peerage.policy.aspa.AspaTable;
import org.peerage.policy.bogon.BogonAsns;
import org.peerage.policy.bogon.BogonPrefixes;
import org.peerage.policy.irr.IrrDatabase;
import org.peerage.policy.peeringdb.PeeringDbNet;
import org.peerage.policy.peeringdb.PeeringDbNets;
import org.peerage.policy.rpki.Vrp;
import org.peerage.policy.rpki.VrpFile;
import org.peerage.policy.rpki.VrpFiles;
import org.peerage.policy.rpki.VrpTable;
import org.peerage.routeserver.config.RouteServerConfig;

/**
 * The data import policy consults, shared by every client: bogon tables, VRPs and ASPA objects, the IRR, PeeringDB
 * records. Immutable; a reload builds a new one.
 *
 * @param irr        null when no IRR dump is configured
 * @param peeringDb  null when no PeeringDB file is configured
 */
public record PolicyData(BogonPrefixes bogonPrefixes, BogonAsns bogonAsns, VrpTable vrps, AspaTable aspas,
                         boolean hasVrps, IrrDatabase irr, PeeringDbNets peeringDb, List<String> notes,
                         Map<Path, String> fingerprints) {

    public PolicyData {
        notes = List.copyOf(notes);
        fingerprints = Map.copyOf(fingerprints);
    }

    /** Size and modification time of a source file as loaded (null for none): tells a reload what changed. */
    public String fingerprint(Path file) {
        return file == null ? null : fingerprints.get(file);
    }

    private static String fingerprintOf(Path file) {
        try {
            return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /** The same data with other VRPs (those of RTR caches joined to the files'). */
    public PolicyData withVrps(VrpTable table) {
        return new PolicyData(bogonPrefixes, bogonAsns, table, aspas, hasVrps, irr, peeringDb, notes, fingerprints);
    }

    /** Whether PeeringDB flags {@code asn} info_never_via_route_servers. */
    public boolean neverViaRouteServers(long asn) {
        if (peeringDb == null) return false;
        PeeringDbNet n = peeringDb.get(asn);
        return n != null && n.neverViaRouteServers();
    }

    /** No data beyond the built-in bogon tables. */
    public static PolicyData builtIn() {
        return new PolicyData(BogonPrefixes.defaults(), BogonAsns.defaults(), VrpTable.empty(), AspaTable.empty(),
                false, null, null, List.of(), Map.of());
    }

    /** Loads every source the configuration names; the errors of all files are reported together. */
    public static PolicyData load(RouteServerConfig config, Instant now) throws PolicyDataException {
        List<String> notes = new ArrayList<>();
        List<Vrp> vrps = new ArrayList<>();
        List<Aspa> aspas = new ArrayList<>();
        for (Path f : config.vrpFiles()) {
            VrpFile file = VrpFiles.load(f, now);
            vrps.addAll(file.vrps());
            aspas.addAll(file.aspas());
            notes.add(f + ": " + file.vrps().size() + " VRPs, " + file.aspas().size() + " ASPAs (" + file.format()
                    + (file.expiredDropped() > 0 ? ", " + file.expiredDropped() + " expired dropped" : "") + ")");
        }
        IrrDatabase irr = null;
        if (!config.irrDumps().isEmpty()) {
            irr = IrrDatabase.load(config.irrDumps());
            notes.add("IRR: " + irr.routeCount() + " route objects, " + irr.asSetCount() + " as-sets from "
                    + config.irrDumps().size() + " file(s)");
        }
        PeeringDbNets pdb = null;
        if (config.peeringDb() != null) {
            pdb = PeeringDbNets.load(config.peeringDb());
            notes.add(config.peeringDb() + ": " + pdb.size() + " PeeringDB networks");
        }
        Map<Path, String> fingerprints = new HashMap<>();
        for (Path f : config.vrpFiles()) fingerprints.put(f, fingerprintOf(f));
        for (Path f : config.irrDumps()) fingerprints.put(f, fingerprintOf(f));
        if (config.peeringDb() != null) fingerprints.put(config.peeringDb(), fingerprintOf(config.peeringDb()));
        return new PolicyData(BogonPrefixes.defaults(), BogonAsns.defaults(), VrpTable.of(vrps), AspaTable.of(aspas),
                !config.vrpFiles().isEmpty() || !config.rtrCaches().isEmpty(), irr, pdb, notes, fingerprints);
    }
}

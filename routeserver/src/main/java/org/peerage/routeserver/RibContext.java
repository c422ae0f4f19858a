package org.peerage.routeserver;

import java.util.List;
import org.peerage.rib.AttributeTable;
import org.peerage.rib.Clients;
import org.peerage.rib.LocRib;
import org.peerage.routeserver.config.RouteServerConfig;
import org.peerage.routeserver.export.CommonSent;
import org.peerage.routeserver.export.Exporter;
import org.peerage.routeserver.filter.ImportPolicy;

/**
 * The state the route server's parts share, owned by the RIB thread: the RIB, its attribute sets and clients, the
 * sessions by client index, and the policy in force (replaced by a reload).
 */
final class RibContext {
    final AttributeTable attributes = new AttributeTable();
    final Clients clients = new Clients();
    final LocRib rib = new LocRib(attributes, clients);
    /** What most receivers were sent per slot; each session's Adj-RIB-Out records where it differs. */
    final CommonSent commonSent = new CommonSent();
    /** Every session ever configured, by client index; a removed one stays (marked) so indices stay valid. */
    final List<ClientSession> sessions = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile RouteServerConfig config;
    ImportPolicy importPolicy;
    Exporter exporter;

    RibContext(RouteServerConfig config) {
        this.config = config;
    }
}

package org.peerage.routeserver.http;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.peerage.policy.rtr.RtrCacheState;
import org.peerage.bgp.session.SessionState;
import org.peerage.routeserver.ClientView;
import org.peerage.routeserver.RouteServer;
import org.peerage.routeserver.RouteServerStats;

/**
 * Prometheus metrics, all taken from one snapshot per scrape (docs/routeserver-api.md lists them): sessions and their
 * states, routes received, accepted and filtered per client and reason, output queue backlog, update and route
 * counters, RIB size, policy data, reloads, and the JVM's own.
 */
final class Metrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();

    Metrics(RouteServer rs) {
        registry.register(new RouteServerCollector(rs));
        JvmMetrics.builder().register(registry);
    }

    byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final class RouteServerCollector implements MultiCollector {
        private final RouteServer rs;

        RouteServerCollector(RouteServer rs) {
            this.rs = rs;
        }

        @Override
        public MetricSnapshots collect() {
            List<ClientView> clients = rs.clients();
            RouteServerStats stats = rs.stats();
            List<MetricSnapshot> out = new ArrayList<>();
            GaugeSnapshot.Builder up = GaugeSnapshot.builder().name("peerage_rs_session_up")
                    .help("1 when the session with the client is Established");
            GaugeSnapshot.Builder state = GaugeSnapshot.builder().name("peerage_rs_session_state_seconds")
                    .help("Seconds since the session entered its current state");
            GaugeSnapshot.Builder routes = GaugeSnapshot.builder().name("peerage_rs_routes")
                    .help("Routes held from the client, by family and status (received, accepted)");
            GaugeSnapshot.Builder filtered = GaugeSnapshot.builder().name("peerage_rs_routes_filtered")
                    .help("Routes from the client refused by import policy, by reason");
            GaugeSnapshot.Builder exported = GaugeSnapshot.builder().name("peerage_rs_routes_exported")
                    .help("Prefixes currently announced to the client");
            GaugeSnapshot.Builder pending = GaugeSnapshot.builder().name("peerage_rs_output_pending_prefixes")
                    .help("Prefixes whose export to the client waits for its output queue to drain");
            CounterSnapshot.Builder updates = CounterSnapshot.builder().name("peerage_rs_updates_received")
                    .help("UPDATE messages received from the client");
            CounterSnapshot.Builder sent = CounterSnapshot.builder().name("peerage_rs_routes_sent")
                    .help("Route announcements and withdrawals sent to the client");
            long now = System.currentTimeMillis();
            for (ClientView c : clients) {
                Labels l = Labels.of("session", c.id(), "asn", Long.toString(c.asn()), "address", c.address());
                up.dataPoint(gauge(l, c.state() == SessionState.ESTABLISHED ? 1 : 0));
                state.dataPoint(gauge(l.add("state", c.state().name().toLowerCase(java.util.Locale.ROOT)),
                        (now - c.stateSinceMillis()) / 1000.0));
                routes.dataPoint(gauge(l.add("family", "ipv4").add("status", "received"), c.receivedIpv4()));
                routes.dataPoint(gauge(l.add("family", "ipv6").add("status", "received"), c.receivedIpv6()));
                routes.dataPoint(gauge(l.add("family", "ipv4").add("status", "accepted"), c.acceptedIpv4()));
                routes.dataPoint(gauge(l.add("family", "ipv6").add("status", "accepted"), c.acceptedIpv6()));
                for (var e : c.filtered().entrySet()) {
                    filtered.dataPoint(gauge(l.add("reason", e.getKey().label()), e.getValue()));
                }
                exported.dataPoint(gauge(l, c.exported()));
                pending.dataPoint(gauge(l, c.pending()));
                updates.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(l)
                        .value(c.updatesReceived()).build());
                sent.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(l).value(c.routesSent())
                        .build());
            }
            out.add(up.build());
            out.add(state.build());
            out.add(routes.build());
            out.add(filtered.build());
            out.add(exported.build());
            out.add(pending.build());
            out.add(updates.build());
            out.add(sent.build());
            out.add(single("peerage_rs_rib_prefixes", "Prefixes in the RIB", stats.prefixes()));
            out.add(single("peerage_rs_rib_paths", "Paths in the RIB, accepted or not", stats.paths()));
            out.add(single("peerage_rs_attribute_sets", "Distinct path attribute sets held", stats.attributeSets()));
            out.add(single("peerage_rs_rpki_vrps", "VRPs loaded", stats.vrps()));
            out.add(single("peerage_rs_rpki_aspas", "ASPA objects loaded", stats.aspas()));
            out.add(single("peerage_rs_irr_route_objects", "IRR route objects loaded", stats.routeObjects()));
            out.add(single("peerage_rs_reloads", "Configuration reloads applied", stats.reloads()));
            out.add(single("peerage_rs_reload_duration_seconds", "Time the last reload took to apply",
                    stats.lastReloadSeconds()));
            addRtrCaches(out, now);
            return new MetricSnapshots(out);
        }

        /** Per RTR cache: synchronised, in use, VRPs held, age of its last End of Data. */
        private void addRtrCaches(List<MetricSnapshot> out, long now) {
            GaugeSnapshot.Builder cacheUp = GaugeSnapshot.builder().name("peerage_rs_rpki_cache_up")
                    .help("1 when the RTR cache is synced");
            GaugeSnapshot.Builder cacheInUse = GaugeSnapshot.builder().name("peerage_rs_rpki_cache_in_use")
                    .help("1 for the RTR cache whose VRPs are in use");
            GaugeSnapshot.Builder cacheVrps = GaugeSnapshot.builder().name("peerage_rs_rpki_cache_vrps")
                    .help("VRPs held from the RTR cache");
            GaugeSnapshot.Builder cacheAge = GaugeSnapshot.builder().name("peerage_rs_rpki_cache_update_age_seconds")
                    .help("Seconds since the RTR cache's last End of Data");
            for (var c : rs.rtrStatus()) {
                Labels l = Labels.of("cache", c.cache().address(), "state", c.state().label());
                cacheUp.dataPoint(gauge(l, c.state() == RtrCacheState.SYNCED ? 1 : 0));
                cacheInUse.dataPoint(gauge(l, c.inUse() ? 1 : 0));
                cacheVrps.dataPoint(gauge(l, c.vrpCount()));
                if (c.lastUpdate() != null) {
                    cacheAge.dataPoint(gauge(l, (now - c.lastUpdate().toEpochMilli()) / 1000.0));
                }
            }
            out.add(cacheUp.build());
            out.add(cacheInUse.build());
            out.add(cacheVrps.build());
            out.add(cacheAge.build());
        }

        private static GaugeSnapshot.GaugeDataPointSnapshot gauge(Labels l, double v) {
            return GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(l).value(v).build();
        }

        private static GaugeSnapshot single(String name, String help, double v) {
            return GaugeSnapshot.builder().name(name).help(help).dataPoint(GaugeSnapshot.GaugeDataPointSnapshot
                    .builder().value(v).build()).build();
        }
    }
}

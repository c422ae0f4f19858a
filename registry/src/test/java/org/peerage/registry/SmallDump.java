package org.peerage.registry;

/**
 * A hand-made PeeringDB full dump small enough to check every answer by hand. Two exchanges: FRA-X (id 1, in
 * facilities 10 and 11 in Frankfurt) and AMS-X (id 2, facility 20 in Amsterdam). Networks:
 * AS64500 Alpha (facilities 10, 20; ports at FRA-X and AMS-X, route server at both),
 * AS64501 Beta (facility 10; port at FRA-X with RS, at AMS-X without RS on a 500 Mbps port, no AMS facility),
 * AS64502 Gamma (facility 30 in Madrid; remote at FRA-X on 10G), AS64503 Delta (no facilities; FRA-X 100M).
 */
final class SmallDump {
    private SmallDump() {
    }

    static final String JSON = """
            {
              "org": {"data": [{"id": 1, "name": "Alpha Org", "status": "ok"},
                               {"id": 2, "name": "Exchange Org", "status": "ok"}]},
              "net": {"data": [
                {"id": 100, "org_id": 1, "name": "Alpha", "asn": 64500, "irr_as_set": "AS-ALPHA",
                 "info_prefixes4": 100, "info_prefixes6": 10, "info_type": "NSP", "policy_general": "Open",
                 "info_never_via_route_servers": false, "status": "ok", "future_field": {"kept": true}},
                {"id": 101, "org_id": 1, "name": "Beta", "asn": 64501, "policy_general": "Selective",
                 "status": "ok"},
                {"id": 102, "org_id": 1, "name": "Gamma", "asn": 64502, "status": "ok"},
                {"id": 103, "org_id": 1, "name": "Delta", "asn": 64503, "status": "ok"}]},
              "ix": {"data": [
                {"id": 1, "org_id": 2, "name": "FRA-X", "name_long": "Frankfurt Exchange", "city": "Frankfurt",
                 "country": "DE", "region_continent": "Europe", "media": "Ethernet", "status": "ok"},
                {"id": 2, "org_id": 2, "name": "AMS-X", "city": "Amsterdam", "country": "NL",
                 "region_continent": "Europe", "status": "ok"}]},
              "ixlan": {"data": [{"id": 1, "ix_id": 1, "mtu": 1500, "status": "ok"},
                                 {"id": 2, "ix_id": 2, "mtu": 9000, "status": "ok"}]},
              "ixpfx": {"data": [
                {"id": 1, "ixlan_id": 1, "protocol": "IPv4", "prefix": "192.0.2.0/24", "status": "ok"},
                {"id": 2, "ixlan_id": 1, "protocol": "IPv6", "prefix": "2001:db8:1::/64", "status": "ok"},
                {"id": 3, "ixlan_id": 2, "protocol": "IPv4", "prefix": "198.51.100.0/24", "status": "ok"}]},
              "netixlan": {"data": [
                {"id": 1000, "net_id": 100, "ix_id": 1, "ixlan_id": 1, "asn": 64500, "ipaddr4": "192.0.2.10",
                 "ipaddr6": "2001:db8:1::10", "is_rs_peer": true, "speed": 100000, "operational": true, "status": "ok"},
                {"id": 1001, "net_id": 101, "ix_id": 1, "ixlan_id": 1, "asn": 64501, "ipaddr4": "192.0.2.11",
                 "ipaddr6": null, "is_rs_peer": true, "speed": 10000, "operational": true, "status": "ok"},
                {"id": 1002, "net_id": 100, "ix_id": 2, "ixlan_id": 2, "asn": 64500, "ipaddr4": "198.51.100.10",
                 "ipaddr6": null, "is_rs_peer": true, "speed": 10000, "operational": true, "status": "ok"},
                {"id": 1003, "net_id": 101, "ix_id": 2, "ixlan_id": 2, "asn": 64501, "ipaddr4": "198.51.100.11",
                 "ipaddr6": null, "is_rs_peer": false, "speed": 500, "operational": true, "status": "ok"},
                {"id": 1004, "net_id": 102, "ix_id": 1, "ixlan_id": 1, "asn": 64502, "ipaddr4": "192.0.2.12",
                 "ipaddr6": null, "is_rs_peer": true, "speed": 10000, "operational": true, "status": "ok"},
                {"id": 1005, "net_id": 103, "ix_id": 1, "ixlan_id": 1, "asn": 64503, "ipaddr4": "192.0.2.13",
                 "ipaddr6": null, "is_rs_peer": false, "speed": 100, "operational": true, "status": "ok"}]},
              "fac": {"data": [
                {"id": 10, "org_id": 2, "name": "FRA DC One", "city": "Frankfurt", "country": "DE",
                 "latitude": 50.1109, "longitude": 8.6821, "status": "ok"},
                {"id": 11, "org_id": 2, "name": "FRA DC Two", "city": "Frankfurt", "country": "DE",
                 "latitude": 50.1200, "longitude": 8.7500, "status": "ok"},
                {"id": 20, "org_id": 2, "name": "AMS DC", "city": "Amsterdam", "country": "NL",
                 "latitude": 52.3676, "longitude": 4.9041, "status": "ok"},
                {"id": 30, "org_id": 2, "name": "MAD DC", "city": "Madrid", "country": "ES",
                 "latitude": 40.4168, "longitude": -3.7038, "status": "ok"}]},
              "netfac": {"data": [
                {"id": 1, "net_id": 100, "fac_id": 10, "local_asn": 64500, "status": "ok"},
                {"id": 2, "net_id": 100, "fac_id": 20, "local_asn": 64500, "status": "ok"},
                {"id": 3, "net_id": 101, "fac_id": 10, "local_asn": 64501, "status": "ok"},
                {"id": 4, "net_id": 102, "fac_id": 30, "local_asn": 64502, "status": "ok"}]},
              "ixfac": {"data": [
                {"id": 1, "ix_id": 1, "fac_id": 10, "status": "ok"},
                {"id": 2, "ix_id": 1, "fac_id": 11, "status": "ok"},
                {"id": 3, "ix_id": 2, "fac_id": 20, "status": "ok"}]},
              "carrier": {"data": [{"id": 1, "org_id": 2, "name": "Wave Carrier", "status": "ok"}]},
              "carrierfac": {"data": [{"id": 1, "carrier_id": 1, "fac_id": 10, "status": "ok"}]},
              "campus": {"data": []},
              "poc": {"data": [{"id": 1, "net_id": 100, "role": "Technical", "visible": "Public", "name": "NOC",
                                "email": "noc@example.net", "status": "ok"}]}
            }
            """;
}

#!/usr/bin/env python3
"""Write small hand-built MRT files that exercise bgpdump 1.6.2 corner cases.

Usage: synth-edge-cases.py OUTDIR

Every record is built byte by byte here (no BGP daemon involved), so the files
are fully deterministic.  They exist to pin down the bgpdump -m / -M rules that
docs/bgpdump-format.md describes; run `bgpdump -m` on each file to get the
golden output.  Files:

  edge-bgp4mp.mrt      BGP4MP / BGP4MP_ET updates, state changes, OPEN/KEEPALIVE/
                       NOTIFICATION/ROUTE-REFRESH, LOCAL and ADD-PATH subtypes,
                       AS4_PATH merging, communities, MP_REACH/MP_UNREACH forms
  edge-tabledump.mrt   TABLE_DUMP (v1) records, all four subtypes
  edge-td2.mrt         TABLE_DUMP_V2 peer index + RIB records, incl. ADD-PATH,
                       multicast/generic subtypes (ignored by bgpdump) and odd
                       next-hop encodings
  edge-mrtd-bgp.mrt    legacy MRTD type 5 (BGP) update + state change
  edge-ipv6-format.mrt IPv6 text formatting corner cases (bgpdump's own fmt_ipv6)
  edge-zero-length.mrt a zero-length record in the middle (bgpdump stops there)
  edge-truncated.mrt   last record cut short
  edge-dup-attr.mrt    duplicate ORIGIN attribute (bgpdump aborts on an assert)
  edge-empty-community.mrt  COMMUNITIES attribute of length 0 (undefined output)
"""
import ipaddress
import os
import struct
import sys

T0 = 1700000000

# ---------------------------------------------------------------- helpers


def ip4(s):
    return ipaddress.IPv4Address(s).packed


def ip6(s):
    return ipaddress.IPv6Address(s).packed


def mrt(ts, typ, sub, body, usec=None):
    if usec is not None:
        body = struct.pack("!I", usec) + body
    return struct.pack("!IHHI", ts, typ, sub, len(body)) + body


def attr(flags, typ, val):
    if len(val) > 255:
        flags |= 0x10
    if flags & 0x10:
        return struct.pack("!BBH", flags, typ, len(val)) + val
    return struct.pack("!BBB", flags, typ, len(val)) + val


def origin(v):
    return attr(0x40, 1, bytes([v]))


def seg(t, asns, asn_len=4):
    fmt = "!I" if asn_len == 4 else "!H"
    return bytes([t, len(asns)]) + b"".join(struct.pack(fmt, a) for a in asns)


def aspath(segs, asn_len=4):
    return attr(0x40, 2, b"".join(seg(t, a, asn_len) for t, a in segs))


def as4path(segs):
    return attr(0xC0, 17, b"".join(seg(t, a, 4) for t, a in segs))


def nexthop(s):
    return attr(0x40, 3, ip4(s))


def med(v):
    return attr(0x80, 4, struct.pack("!I", v))


def lpref(v):
    return attr(0x40, 5, struct.pack("!I", v))


def atomic():
    return attr(0x40, 6, b"")


def aggregator(asn, addr, asn_len=4):
    fmt = "!I" if asn_len == 4 else "!H"
    return attr(0xC0, 7, struct.pack(fmt, asn) + ip4(addr))


def as4aggregator(asn, addr):
    return attr(0xC0, 18, struct.pack("!I", asn) + ip4(addr))


def communities(vals):
    return attr(0xC0, 8, b"".join(struct.pack("!I", v) for v in vals))


def large(vals):
    return attr(0xC0, 32, b"".join(struct.pack("!III", *v) for v in vals))


def extcomm(vals):
    return attr(0xC0, 16, b"".join(vals))


def pfx4(p, path_id=None):
    n = ipaddress.IPv4Network(p, strict=False)
    b = n.network_address.packed[: (n.prefixlen + 7) // 8]
    pre = struct.pack("!I", path_id) if path_id is not None else b""
    return pre + bytes([n.prefixlen]) + b


def raw_pfx(length, addr_bytes, path_id=None):
    """Prefix with explicit bytes (host bits kept as given)."""
    pre = struct.pack("!I", path_id) if path_id is not None else b""
    return pre + bytes([length]) + addr_bytes[: (length + 7) // 8]


def pfx6(p, path_id=None):
    n = ipaddress.IPv6Network(p, strict=False)
    b = n.network_address.packed[: (n.prefixlen + 7) // 8]
    pre = struct.pack("!I", path_id) if path_id is not None else b""
    return pre + bytes([n.prefixlen]) + b


def mp_reach(afi, safi, nh, nlri):
    return attr(0x80, 14, struct.pack("!HBB", afi, safi, len(nh)) + nh + b"\x00" + nlri)


def mp_reach_abbrev(nh):
    return attr(0x80, 14, bytes([len(nh)]) + nh)


def mp_unreach(afi, safi, nlri):
    return attr(0x80, 15, struct.pack("!HB", afi, safi) + nlri)


def bgp_msg(typ, body):
    return b"\xff" * 16 + struct.pack("!HB", 19 + len(body), typ) + body


def update(withdrawn=b"", attrs=b"", nlri=b""):
    return bgp_msg(2, struct.pack("!H", len(withdrawn)) + withdrawn
                   + struct.pack("!H", len(attrs)) + attrs + nlri)


PEER4, LOCAL4 = "192.0.2.1", "192.0.2.254"
PEER6, LOCAL6 = "2001:db8::1", "2001:db8::fe"


def bgp4mp(ts, sub, msg, afi=1, peer_as=65001, local_as=65000, peer=None, local=None,
           et_usec=None, as4=None):
    if as4 is None:
        as4 = sub in (4, 7, 9, 11)
    fmt = "!II" if as4 else "!HH"
    if afi == 1:
        p, l = ip4(peer or PEER4), ip4(local or LOCAL4)
    else:
        p, l = ip6(peer or PEER6), ip6(local or LOCAL6)
    body = struct.pack(fmt, peer_as, local_as) + struct.pack("!HH", 0, afi) + p + l + msg
    return mrt(ts, 17 if et_usec is not None else 16, sub, body, et_usec)


def state(ts, sub, old, new, afi=1, et_usec=None, peer_as=65001):
    as4 = sub == 5
    fmt = "!II" if as4 else "!HH"
    if afi == 1:
        p, l = ip4(PEER4), ip4(LOCAL4)
    else:
        p, l = ip6(PEER6), ip6(LOCAL6)
    body = struct.pack(fmt, peer_as, 65000) + struct.pack("!HH", 0, afi) + p + l + struct.pack("!HH", old, new)
    return mrt(ts, 17 if et_usec is not None else 16, sub, body, et_usec)


BASE = origin(0) + aspath([(2, [65001, 65002])]) + nexthop(PEER4)

# ---------------------------------------------------------------- BGP4MP


def gen_bgp4mp():
    r = []
    t = T0
    # 1 full attribute set, classic withdrawals + NLRI
    a = (origin(0) + aspath([(2, [65001, 4200000000, 65003])]) + nexthop("198.51.100.1")
         + med(10) + lpref(200) + atomic() + aggregator(4200000001, "203.0.113.9")
         + communities([0xFFFFFF01, 0xFFFFFF02, 0xFFFFFF03, 0xFFFFFF04, (65535 << 16) | 666, 0, 0xFFFF0000 | 65535, (1 << 16) | 2])
         + extcomm([bytes([0, 2, 0xfd, 0xe9, 0, 0, 0, 1])])
         + large([(4200000000, 1, 2), (65001, 0, 4294967295)]))
    r.append(bgp4mp(t, 4, update(pfx4("10.1.0.0/16") + pfx4("10.2.0.0/24"), a,
                                 pfx4("10.3.0.0/16") + pfx4("0.0.0.0/0") + pfx4("10.4.4.4/32"))))
    # 2 AS path segment types: set, confed sequence, confed set, empty segment
    a = (origin(1) + aspath([(3, [64512, 64513]), (4, [64514, 64515]), (2, [65001]), (2, []), (2, [65002]), (1, [65010, 65011, 65012])])
         + nexthop("198.51.100.1"))
    r.append(bgp4mp(t + 1, 4, update(b"", a, pfx4("10.5.0.0/16"))))
    # 3 set first, then sequence; origin 2; origin 7 (invalid)
    a = origin(2) + aspath([(1, [1, 2]), (2, [3, 4])]) + nexthop("198.51.100.1")
    r.append(bgp4mp(t + 2, 4, update(b"", a, pfx4("10.6.0.0/16"))))
    a = origin(7) + aspath([(2, [1]), (1, [2])]) + nexthop("198.51.100.1")
    r.append(bgp4mp(t + 2, 4, update(b"", a, pfx4("10.6.1.0/24"))))
    # 4 no attributes at all except NLRI (missing ORIGIN, AS_PATH, NEXT_HOP)
    r.append(bgp4mp(t + 3, 4, update(b"", b"", pfx4("10.7.0.0/16"))))
    # 5 invalid AS path segment type 9 -> "! Error !"
    bad = attr(0x40, 2, bytes([9, 1]) + struct.pack("!I", 5))
    r.append(bgp4mp(t + 4, 4, update(b"", origin(0) + bad + nexthop("198.51.100.1"), pfx4("10.8.0.0/16"))))
    # 6 segment length overruns attribute -> "! Error !"
    bad = attr(0x40, 2, bytes([2, 3]) + struct.pack("!I", 5))
    r.append(bgp4mp(t + 4, 4, update(b"", origin(0) + bad + nexthop("198.51.100.1"), pfx4("10.8.1.0/24"))))
    # 7 MP_REACH IPv4 unicast + classic NLRI; big MED / LOCAL_PREF (signedness)
    a = (origin(0) + aspath([(2, [65001])]) + nexthop("198.51.100.1") + med(3000000000) + lpref(4294967295)
         + mp_reach(1, 1, ip4("198.51.100.77"), pfx4("10.9.1.0/24") + pfx4("10.9.2.0/24")))
    r.append(bgp4mp(t + 5, 4, update(pfx4("10.9.9.0/24"), a, pfx4("10.9.0.0/24"))))
    # 8 MP_REACH IPv4 with IPv6 next hop (RFC 8950), and IPv4 multicast
    a = origin(0) + aspath([(2, [65001])]) + mp_reach(1, 1, ip6("2001:db8::77"), pfx4("10.10.0.0/16"))
    r.append(bgp4mp(t + 6, 4, update(b"", a)))
    a = origin(0) + aspath([(2, [65001])]) + mp_reach(1, 2, ip4("198.51.100.78"), pfx4("232.1.0.0/16"))
    r.append(bgp4mp(t + 6, 4, update(b"", a)))
    # 9 MP_REACH IPv6 unicast with 16 / 32 / 4 / 24 byte next hops
    for nh in (ip6("2001:db8::2"), ip6("2001:db8::2") + ip6("fe80::2"), ip4("198.51.100.2"), b"\x00" * 8 + ip6("2001:db8::3")):
        a = origin(0) + aspath([(2, [65001, 65002])]) + med(5) + communities([(65001 << 16) | 1]) \
            + mp_reach(2, 1, nh, pfx6("2001:db8:100::/48") + pfx6("2001:db8:200::/40"))
        r.append(bgp4mp(t + 7, 4, update(b"", a), afi=2))
    # 10 IPv6 over an IPv4 session, received and sent (LOCAL)
    a = origin(0) + aspath([(2, [65001])]) + mp_reach(2, 1, ip6("2001:db8::9"), pfx6("2001:db8:300::/48"))
    r.append(bgp4mp(t + 8, 4, update(b"", a), afi=1))
    r.append(bgp4mp(t + 8, 7, update(b"", a), afi=1))
    wd = mp_unreach(2, 1, pfx6("2001:db8:400::/48"))
    r.append(bgp4mp(t + 8, 4, update(pfx4("10.11.0.0/16"), wd), afi=1))
    r.append(bgp4mp(t + 8, 7, update(pfx4("10.11.0.0/16"), wd), afi=1))
    # 11 order: classic W, MP W v4, MP W v6, classic A, MP A v4, MP A v6 (one update)
    a = (origin(0) + aspath([(2, [65001])]) + nexthop("198.51.100.1")
         + mp_unreach(2, 1, pfx6("2001:db8:500::/48"))
         + mp_reach(2, 1, ip6("2001:db8::5"), pfx6("2001:db8:600::/48")))
    r.append(bgp4mp(t + 9, 4, update(pfx4("10.12.0.0/16"), a, pfx4("10.13.0.0/16")), afi=2))
    # 12 IPv6 multicast and SAFI 3, unknown SAFI 128, unknown AFI 25
    a = origin(0) + aspath([(2, [65001])]) + mp_reach(2, 2, ip6("2001:db8::6"), pfx6("ff0e::/16"))
    r.append(bgp4mp(t + 10, 4, update(b"", a), afi=2))
    a = origin(0) + aspath([(2, [65001])]) + mp_reach(2, 3, ip6("2001:db8::6"), pfx6("2001:db8:700::/48"))
    r.append(bgp4mp(t + 10, 4, update(b"", a), afi=2))
    a = origin(0) + aspath([(2, [65001])]) + mp_reach(2, 128, ip6("2001:db8::6"), b"\x58" + b"\x00" * 11)
    r.append(bgp4mp(t + 10, 4, update(b"", a), afi=2))
    a = origin(0) + aspath([(2, [65001])]) + mp_reach(25, 65, ip4("198.51.100.1"), b"")
    r.append(bgp4mp(t + 10, 4, update(b"", a), afi=1))
    # 13 End-of-RIB markers (IPv4 empty update, IPv6 empty MP_UNREACH)
    r.append(bgp4mp(t + 11, 4, update()))
    r.append(bgp4mp(t + 11, 4, update(b"", mp_unreach(2, 1, b"")), afi=2))
    # 14 2-byte AS session (subtype MESSAGE): AS_TRANS + AS4_PATH merging
    def m2(ts, a, n=pfx4("10.20.0.0/16")):
        return bgp4mp(ts, 1, update(b"", a, n), peer_as=65001)
    a = origin(0) + aspath([(2, [65001, 23456, 23456])], 2) + nexthop("198.51.100.1") + as4path([(2, [4200000001, 4200000002])])
    r.append(m2(t + 12, a))
    a = origin(0) + aspath([(2, [65001, 23456])], 2) + nexthop("198.51.100.1") + as4path([(2, [4200000000, 4200000001, 4200000002])])
    r.append(m2(t + 12, a, pfx4("10.20.1.0/24")))  # AS4_PATH longer -> ignored
    a = (origin(0) + aspath([(2, [65001, 23456]), (1, [23456, 65005])], 2) + nexthop("198.51.100.1")
         + as4path([(2, [4200000001]), (1, [4200000005, 65005])]))
    r.append(m2(t + 12, a, pfx4("10.20.2.0/24")))
    a = (origin(0) + aspath([(1, [23456, 65005]), (2, [65001, 23456])], 2) + nexthop("198.51.100.1")
         + as4path([(2, [4200000001])]))
    r.append(m2(t + 12, a, pfx4("10.20.3.0/24")))  # set counted as 1
    a = (origin(0) + aspath([(3, [64512]), (2, [65001, 23456])], 2) + nexthop("198.51.100.1")
         + as4path([(2, [65001, 4200000001])]))
    r.append(m2(t + 12, a, pfx4("10.20.4.0/24")))  # confed counted
    a = (origin(0) + aspath([(2, [65001, 23456])], 2) + nexthop("198.51.100.1")
         + aggregator(23456, "203.0.113.1", 2) + as4aggregator(4200000009, "203.0.113.2")
         + as4path([(2, [4200000001])]))
    r.append(m2(t + 13, a, pfx4("10.20.5.0/24")))  # AS_TRANS aggregator replaced, path merged
    a = (origin(0) + aspath([(2, [65001, 23456])], 2) + nexthop("198.51.100.1")
         + aggregator(65009, "203.0.113.1", 2) + as4aggregator(4200000009, "203.0.113.2")
         + as4path([(2, [4200000001])]))
    r.append(m2(t + 13, a, pfx4("10.20.6.0/24")))  # non-AS_TRANS aggregator: merge skipped!
    a = (origin(0) + aspath([(2, [65001, 23456])], 2) + nexthop("198.51.100.1")
         + as4aggregator(4200000009, "203.0.113.2"))
    r.append(m2(t + 13, a, pfx4("10.20.7.0/24")))  # AS4_AGGREGATOR alone: ignored
    a = (origin(0) + aspath([(2, [65001])], 2) + nexthop("198.51.100.1") + aggregator(65009, "255.255.255.255", 2))
    r.append(m2(t + 13, a, pfx4("10.20.8.0/24")))  # aggregator addr 255.255.255.255: not printed
    a = origin(0) + aspath([(2, [1, 2]), (1, [3, 4])], 2) + nexthop("198.51.100.1") + as4path([])
    r.append(m2(t + 13, a, pfx4("10.20.9.0/24")))  # empty AS4_PATH: first segment repeated
    a = origin(0) + aspath([(2, [23456, 23456])], 2) + nexthop("198.51.100.1") + as4path([(2, [4200000001, 4200000002])])
    r.append(m2(t + 13, a, pfx4("10.20.10.0/24")))  # equal counts: AS4_PATH replaces AS_PATH
    # 15 4-byte session carrying AS4_PATH: ignored
    a = origin(0) + aspath([(2, [65001, 23456])]) + nexthop("198.51.100.1") + as4path([(2, [4200000001])])
    r.append(bgp4mp(t + 14, 4, update(b"", a, pfx4("10.21.0.0/16"))))
    # 16 LOCAL (sent) messages, AS2 and AS4, IPv4 and IPv6 sessions
    a = BASE
    r.append(bgp4mp(t + 15, 6, update(pfx4("10.22.1.0/24"), a, pfx4("10.22.0.0/16"))))
    r.append(bgp4mp(t + 15, 7, update(pfx4("10.22.1.0/24"), a, pfx4("10.22.0.0/16"))))
    a6 = origin(0) + aspath([(2, [65000])]) + mp_reach(2, 1, ip6("2001:db8::fe"), pfx6("2001:db8:800::/48")) \
        + mp_unreach(2, 1, pfx6("2001:db8:801::/48"))
    r.append(bgp4mp(t + 15, 7, update(b"", a6), afi=2))
    # 17 ADD-PATH subtypes 8..11
    for sub in (8, 9, 10, 11):
        a = (origin(0) + aspath([(2, [65001])], 4 if sub in (9, 11) else 2) + nexthop("198.51.100.1")
             + mp_reach(2, 1, ip6("2001:db8::a"), pfx6("2001:db8:900::/48", 7))
             + mp_unreach(2, 1, pfx6("2001:db8:901::/48", 8)))
        r.append(bgp4mp(t + 16, sub, update(pfx4("10.23.1.0/24", 5), a, pfx4("10.23.0.0/16", 6)), afi=1))
    # 18 BGP4MP_ET: microseconds incl. >= 1e6
    r.append(bgp4mp(t + 17, 4, update(b"", BASE, pfx4("10.24.0.0/16")), et_usec=42))
    r.append(bgp4mp(t + 17, 4, update(pfx4("10.24.0.0/16")), et_usec=999999))
    r.append(bgp4mp(t + 17, 4, update(pfx4("10.24.1.0/24")), et_usec=1234567))
    r.append(state(t + 17, 5, 6, 1, et_usec=7))
    # 19 state changes: AS2/AS4, IPv6, odd state numbers
    r.append(state(t + 18, 0, 1, 2))
    r.append(state(t + 18, 5, 5, 6, peer_as=4200000000))
    r.append(state(t + 18, 5, 6, 7, afi=2))
    r.append(state(t + 18, 0, 8, 99))
    r.append(mrt(t + 18, 16, 0, struct.pack("!HHHH", 65001, 65000, 3, 4)))  # 8-byte zebra state change
    # 20 non-UPDATE messages: nothing in -m
    opn = bgp_msg(1, struct.pack("!BHH", 4, 65001, 90) + ip4("192.0.2.1") + b"\x00")
    r.append(bgp4mp(t + 19, 4, opn))
    r.append(bgp4mp(t + 19, 4, bgp_msg(4, b"")))
    r.append(bgp4mp(t + 19, 4, bgp_msg(3, b"\x06\x02")))
    r.append(bgp4mp(t + 19, 4, bgp_msg(5, struct.pack("!HBB", 1, 0, 1))))
    # 21 unknown MRT type and unknown BGP4MP subtype: skipped silently
    r.append(mrt(t + 20, 99, 1, b"\x00" * 8))
    r.append(mrt(t + 20, 16, 42, b"\x00" * 8))
    r.append(mrt(t + 20, 48, 1, b"\x00" * 8))
    # 22 very long AS path -> "..." truncation
    a = origin(0) + aspath([(2, list(range(4200000000, 4200000000 + 255))), (2, list(range(4200001000, 4200001000 + 255))),
                            (2, list(range(4200002000, 4200002000 + 255))), (1, [1, 2, 3])]) + nexthop("198.51.100.1")
    r.append(bgp4mp(t + 21, 4, update(b"", a, pfx4("10.25.0.0/16"))))
    # 23 host bits in a prefix are printed as given; /0; odd length
    r.append(bgp4mp(t + 22, 4, update(raw_pfx(20, bytes([10, 0, 255])), BASE, raw_pfx(9, bytes([10, 255])) + raw_pfx(0, b""))))
    # 24 unknown attributes (type 99, type 0) are ignored in -m
    a = BASE + attr(0xC0, 99, b"\x01\x02") + attr(0xC0, 0, b"\x03")
    r.append(bgp4mp(t + 23, 4, update(b"", a, pfx4("10.26.0.0/16"))))
    # 25 attribute length beyond end of attributes (truncated attribute)
    a = BASE + med(1) + b"\x40\x05\x09\x00\x00"
    r.append(bgp4mp(t + 24, 4, update(b"", a, b"")))
    # 26 communities with odd length (trailing 2 bytes ignored)
    a = BASE + attr(0xC0, 8, struct.pack("!I", (1 << 16) | 1) + b"\x00\x05")
    r.append(bgp4mp(t + 25, 4, update(b"", a, pfx4("10.27.0.0/16"))))
    # 27 two MP_REACH for the same AFI/SAFI: the second is ignored
    a = (origin(0) + aspath([(2, [65001])]) + mp_reach(2, 1, ip6("2001:db8::b"), pfx6("2001:db8:a00::/48"))
         + mp_reach(2, 1, ip6("2001:db8::c"), pfx6("2001:db8:b00::/48")))
    r.append(bgp4mp(t + 26, 4, update(b"", a), afi=2))
    # 28 IPv6 prefix longer than /128 is not validated; IPv4 /33
    r.append(bgp4mp(t + 27, 4, update(b"", BASE, raw_pfx(33, bytes([10, 1, 2, 3, 0x80])))))
    return b"".join(r)

# ---------------------------------------------------------------- TABLE_DUMP v1


def td1(ts, sub, seq, prefix, plen, peer, peer_as, attrs, view=0, status=1, uptime=None):
    v6 = sub in (2, 4)
    as4 = sub in (3, 4)
    body = struct.pack("!HH", view, seq) + (ip6(prefix) if v6 else ip4(prefix)) + struct.pack("!BBI", plen, status, uptime or ts - 100)
    body += ip6(peer) if v6 else ip4(peer)
    body += struct.pack("!I" if as4 else "!H", peer_as)
    body += struct.pack("!H", len(attrs)) + attrs
    return mrt(ts, 12, sub, body)


def gen_tabledump():
    r = []
    t = T0 + 1000
    a = origin(0) + aspath([(2, [65001, 65002])], 2) + nexthop("198.51.100.1") + med(7) + lpref(100) + communities([0xFFFFFF01])
    r.append(td1(t, 1, 0, "10.0.0.0", 8, "192.0.2.1", 65001, a))
    r.append(td1(t, 1, 1, "10.1.0.0", 16, "0.0.0.0", 0, a))
    a6 = origin(0) + aspath([(2, [65001])], 2) + mp_reach_abbrev(ip6("2001:db8::1") + ip6("fe80::1"))
    r.append(td1(t, 2, 2, "2001:db8::", 32, "2001:db8::1", 65001, a6))
    a6b = origin(0) + aspath([(2, [65001])], 2) + mp_reach(2, 1, ip6("2001:db8::2"), b"")
    r.append(td1(t, 2, 3, "2001:db8:1::", 48, "2001:db8::2", 65002, a6b))
    a32 = origin(0) + aspath([(2, [4200000000, 65002])], 4) + nexthop("198.51.100.1") + aggregator(4200000000, "203.0.113.5")
    r.append(td1(t, 3, 4, "10.2.0.0", 16, "192.0.2.3", 4200000000, a32))
    a632 = origin(0) + aspath([(2, [4200000000])], 4) + mp_reach_abbrev(ip6("2001:db8::3"))
    r.append(td1(t, 4, 5, "2001:db8:2::", 48, "2001:db8::3", 4200000000, a632))
    r.append(td1(t, 5, 6, "10.3.0.0", 16, "192.0.2.1", 1, a))  # unknown subtype
    # AS_TRANS + AS4_PATH in a 2-byte table dump: merged
    a = origin(0) + aspath([(2, [65001, 23456])], 2) + nexthop("198.51.100.1") + as4path([(2, [4200000001])])
    r.append(td1(t, 1, 7, "10.4.0.0", 16, "192.0.2.1", 65001, a))
    return b"".join(r)

# ---------------------------------------------------------------- TABLE_DUMP_V2


def peer_index(peers, view=b"edge"):
    body = ip4("192.0.2.254") + struct.pack("!H", len(view)) + view + struct.pack("!H", len(peers))
    for v6, as4, bgpid, addr, asn in peers:
        pt = (1 if v6 else 0) | (2 if as4 else 0)
        body += bytes([pt]) + ip4(bgpid) + (ip6(addr) if v6 else ip4(addr)) + struct.pack("!I" if as4 else "!H", asn)
    return body


def rib(seq, pfx_bytes, entries, addpath=False):
    body = struct.pack("!I", seq) + pfx_bytes + struct.pack("!H", len(entries))
    for idx, otime, attrs, *pid in entries:
        body += struct.pack("!HI", idx, otime)
        if addpath:
            body += struct.pack("!I", pid[0])
        body += struct.pack("!H", len(attrs)) + attrs
    return body


def gen_td2():
    r = []
    t = T0 + 2000
    peers = [(False, True, "192.0.2.1", "192.0.2.1", 4200000000),
             (True, True, "192.0.2.2", "2001:db8::2", 65002),
             (False, False, "192.0.2.3", "192.0.2.3", 65003),
             (True, False, "192.0.2.4", "2001:db8::4", 65004)]
    r.append(mrt(t, 13, 1, peer_index(peers)))
    std = origin(0) + aspath([(2, [4200000000, 65010])]) + nexthop("198.51.100.1") + med(4294967295) + lpref(50)
    ents = [(0, t - 10, std), (2, t - 20, origin(2) + aspath([]) + nexthop("198.51.100.3")),
            (1, t - 30, origin(0) + aspath([(2, [65002])]) + mp_reach_abbrev(ip6("2001:db8::2") + ip6("fe80::2"))),
            (3, t - 40, origin(0) + aspath([(2, [65004])]) + mp_reach(1, 1, ip4("198.51.100.4"), b""))]
    r.append(mrt(t, 13, 2, rib(0, pfx4("10.0.0.0/8"), ents)))
    # IPv6 RIB: abbreviated 16/32/4-byte next hop, full-form MP_REACH, no next hop at all
    ents6 = [(1, t - 1, origin(0) + aspath([(2, [65002])]) + mp_reach_abbrev(ip6("2001:db8::2"))),
             (1, t - 2, origin(0) + aspath([(2, [65002])]) + mp_reach_abbrev(ip6("2001:db8::2") + ip6("fe80::2"))),
             (0, t - 3, origin(0) + aspath([(2, [65001])]) + mp_reach_abbrev(ip4("192.0.2.1"))),
             (3, t - 4, origin(0) + aspath([(2, [65004])]) + mp_reach(2, 1, ip6("2001:db8::4"), b"")),
             (3, t - 5, origin(0) + aspath([(2, [65004])]) + nexthop("198.51.100.4")),
             (3, t - 6, origin(0) + aspath([(2, [65004])]))]
    r.append(mrt(t, 13, 4, rib(1, pfx6("2001:db8::/32"), ents6)))
    # zero entries
    r.append(mrt(t, 13, 2, rib(2, pfx4("10.99.0.0/16"), [])))
    # multicast / generic: ignored
    r.append(mrt(t, 13, 3, rib(3, pfx4("232.0.0.0/8"), [(0, t, std)])))
    r.append(mrt(t, 13, 5, rib(4, pfx6("ff0e::/16"), [(1, t, std)])))
    r.append(mrt(t, 13, 6, struct.pack("!IHB", 5, 1, 1) + rib(0, b"", [])[4:]))
    # ADD-PATH RIBs
    r.append(mrt(t + 1, 13, 8, rib(6, pfx4("10.1.0.0/16"), [(0, t, std, 1), (0, t, std, 4294967295)], addpath=True)))
    r.append(mrt(t + 1, 13, 10, rib(7, pfx6("2001:db8:1::/48"), [(1, t, ents6[0][2], 3), (3, t, ents6[5][2], 9)], addpath=True)))
    r.append(mrt(t + 1, 13, 9, rib(8, pfx4("232.1.0.0/16"), [(0, t, std, 1)], addpath=True)))
    # AS4_PATH in TD2 is never merged (TD2 is always 4-byte)
    a = origin(0) + aspath([(2, [65001, 23456])]) + nexthop("198.51.100.1") + as4path([(2, [4200000001])])
    r.append(mrt(t + 2, 13, 2, rib(9, pfx4("10.2.0.0/16"), [(0, t, a)])))
    # a second PEER_INDEX_TABLE replaces the first
    r.append(mrt(t + 3, 13, 1, peer_index([(False, False, "192.0.2.9", "192.0.2.9", 65009)])))
    r.append(mrt(t + 3, 13, 2, rib(10, pfx4("10.3.0.0/16"), [(0, t, std)])))
    return b"".join(r)

# ---------------------------------------------------------------- MRTD BGP (type 5)


def gen_mrtd_bgp():
    r = []
    t = T0 + 3000
    a = origin(0) + aspath([(2, [65001, 65002])], 2) + nexthop("198.51.100.1") + med(3) + lpref(4) + communities([(1 << 16) | 1])
    body = struct.pack("!H", 65001) + ip4("192.0.2.1") + struct.pack("!H", 65000) + ip4("192.0.2.254")
    upd = update(pfx4("10.1.0.0/16"), a, pfx4("10.2.0.0/16"))[19:]
    r.append(mrt(t, 5, 1, body + upd))
    a = origin(0) + aspath([(2, [65001])], 2) + nexthop("198.51.100.1") + atomic() + aggregator(65001, "203.0.113.1", 2)
    upd = update(b"", a, pfx4("10.3.0.0/16"))[19:]
    r.append(mrt(t, 5, 1, body + upd))
    r.append(mrt(t, 5, 3, struct.pack("!H", 65001) + ip4("192.0.2.1") + struct.pack("!HH", 1, 6)))
    r.append(mrt(t, 5, 7, body))
    return b"".join(r)

# ---------------------------------------------------------------- IPv6 text format


def gen_ipv6_format():
    addrs = ["::", "::1", "::2", "::ffff:1.2.3.4", "::1.2.3.4", "2001:db8:0:1:1:1:1:1", "2001:0:0:1:0:0:0:1",
             "2001:db8::", "fe80::1:0:0:0", "0:0:1::", "1::", "1:0:0:2:0:0:3:4", "abcd:ef01:2345:6789:abcd:ef01:2345:6789",
             "2001:db8:a:b:c:d:e:f", "::ffff:0:0", "64:ff9b::1.2.3.4", "0:1:0:1:0:1:0:1"]
    r = []
    for i, a in enumerate(addrs):
        attrs = origin(0) + aspath([(2, [65001])]) + mp_reach(2, 1, ip6(a), pfx6(a + "/128"))
        r.append(bgp4mp(T0 + 4000 + i, 4, update(b"", attrs), afi=2, peer=a))
    return b"".join(r)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: synth-edge-cases.py OUTDIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)

    def w(name, data):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)

    w("edge-bgp4mp.mrt", gen_bgp4mp())
    w("edge-tabledump.mrt", gen_tabledump())
    w("edge-td2.mrt", gen_td2())
    w("edge-mrtd-bgp.mrt", gen_mrtd_bgp())
    w("edge-ipv6-format.mrt", gen_ipv6_format())
    ok = bgp4mp(T0, 4, update(b"", BASE, pfx4("10.0.0.0/8")))
    w("edge-zero-length.mrt", ok + struct.pack("!IHHI", T0, 16, 4, 0) + ok)
    w("edge-truncated.mrt", ok + ok[:-3])
    dup = origin(0) + origin(1) + aspath([(2, [65001])]) + nexthop("198.51.100.1")
    w("edge-dup-attr.mrt", ok + bgp4mp(T0, 4, update(b"", dup, pfx4("10.1.0.0/16"))) + ok)
    emp = BASE + attr(0xC0, 8, b"")
    w("edge-empty-community.mrt", ok + bgp4mp(T0, 4, update(b"", emp, pfx4("10.1.0.0/16"))))


if __name__ == "__main__":
    main()

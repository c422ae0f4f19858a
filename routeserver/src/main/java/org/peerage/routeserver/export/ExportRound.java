package org.peerage.routeserver.export;

import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;

/**
 * One export of a batch of slots: with the common form of each slot decided first ({@link CommonSent}), every
 * receiver given the batch has what it must be sent worked out and recorded relative to that form, every receiver
 * left out {@linkplain #skip keeps} what it had, and {@link #commit} makes the decided forms the common ones.
 * Positions without a prefix (null: slot freed since) are left alone.
 */
public final class ExportRound {
    private final Exporter exporter;
    private final CommonSent commonSent;
    private final int[] slots;
    private final Prefix[] prefixes;
    private final int[] common;

    ExportRound(Exporter exporter, CommonSent commonSent, int[] slots, Prefix[] prefixes, int[] common) {
        this.exporter = exporter;
        this.commonSent = commonSent;
        this.slots = slots;
        this.prefixes = prefixes;
        this.common = common;
    }

    /** What {@code to} (a receiver without ADD-PATH) must be sent, noted as sent. */
    public ExportPlan plan(Receiver to) {
        ExportPlan plan = new ExportPlan(slots.length);
        AdjRibOut sent = to.adjRibOut();
        for (int i = 0; i < slots.length; i++) {
            Prefix p = prefixes[i];
            if (p == null) continue;
            boolean ipv6 = p.isIpv6();
            if (!to.receives(ipv6)) continue;
            ExportForm form = exporter.chosen(slots[i], to, ipv6);
            if (!recordChanged(i, sent, form)) continue;
            if (form == null) plan.withdraw(i);
            else plan.announce(i, form);
        }
        return plan;
    }

    /** Records in {@code out} what {@code to} (a receiver with ADD-PATH in some family) must be sent. */
    public void diff(Receiver to, Changes out) {
        AdjRibOut sent = to.adjRibOut();
        for (int i = 0; i < slots.length; i++) {
            Prefix p = prefixes[i];
            if (p == null) continue;
            boolean ipv6 = p.isIpv6();
            if (!to.receives(ipv6)) continue;
            int slot = slots[i];
            if (to.addPath(ipv6)) {
                exporter.diffAddPath(slot, p, to, out, ipv6);
                continue;
            }
            ExportForm form = exporter.chosen(slot, to, ipv6);
            if (!recordChanged(i, sent, form)) continue;
            if (form == null) out.withdraw(Route.of(p));
            else out.announce(form, Route.of(p));
        }
    }

    /** Records {@code form} (null: nothing) as sent for position {@code i}; false if that is what was sent before. */
    private boolean recordChanged(int i, AdjRibOut sent, ExportForm form) {
        int serial = form == null ? 0 : form.serial();
        int before = sent.sent(slots[i]);
        sent.record(slots[i], serial, common[i]);
        return serial != before;
    }

    /** {@code to} is not given this batch now (it catches up later): it keeps what it was sent. */
    public void skip(Receiver to) {
        AdjRibOut sent = to.adjRibOut();
        for (int i = 0; i < slots.length; i++) {
            if (common[i] != commonSent.get(slots[i])) sent.keep(slots[i]);
        }
    }

    /** The decided forms become the common ones; after every receiver was given the batch or skipped. */
    public void commit() {
        for (int i = 0; i < slots.length; i++) commonSent.set(slots[i], common[i]);
    }
}

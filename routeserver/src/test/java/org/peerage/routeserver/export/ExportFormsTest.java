package org.peerage.routeserver.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.LargeCommunities;
import org.peerage.bgp.wire.attr.LocalPref;
import org.peerage.bgp.wire.attr.MultiExitDisc;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.rib.AttributeTable;
import org.peerage.routeserver.config.RouteServerConfig.BlackholePolicy;
import org.peerage.routeserver.config.RouteServerConfig.Blackholing;
import org.peerage.routeserver.filter.ImportPolicy;

class ExportFormsTest {
    private static final long RS = 64500;
    private final AttributeTable table = new AttributeTable();

    private ExportForms forms() throws Exception {
        return new ExportForms(table, RS, new Blackholing(BlackholePolicy.REWRITE_NEXT_HOP,
                BlackholePolicy.PROPAGATE_UNCHANGED, InetAddress.getByName("192.0.2.66"), null, true, true), true);
    }

    private int attrs() {
        return table.intern(List.of(Origin.of(Origin.IGP), AsPath.of(List.of(AsPathSegment.sequence(3333, 196608))),
                NextHop.of(0xC000020B), MultiExitDisc.of(50), LocalPref.of(300),
                Communities.of(3333 << 16 | 7, (int) RS << 16 | 64501, 64501, Communities.BLACKHOLE),
                LargeCommunities.of((int) RS, 0, 64501, 3333, 1, 2, (int) RS, 1101, 13)));
    }

    private static PathAttribute get(List<PathAttribute> l, Class<?> type) {
        return l.stream().filter(type::isInstance).findFirst().orElse(null);
    }

    @Test
    void transparentButForTheCommunitiesAddressedToTheRouteServer() throws Exception {
        ExportForm f = forms().form(attrs(), 3333, false, Variant.of(ImportPolicy.RPKI_VALID, 0));
        List<PathAttribute> out = f.attributes(true);
        assertThat(get(out, AsPath.class)).hasToString("3333 196608");
        assertThat(get(out, MultiExitDisc.class)).as("MED unchanged").isEqualTo(MultiExitDisc.of(50));
        assertThat(get(out, LocalPref.class)).as("not sent to an external peer").isNull();
        assertThat(f.nextHop()).containsExactly(192, 0, 2, 11);
        assertThat(get(out, Communities.class)).as("RS:x and 0:x removed, others kept").hasToString(
                "3333:7 65535:666");
        assertThat(get(out, LargeCommunities.class)).as("RS:x:y removed (a client's fake tag too), RPKI state added")
                .hasToString("3333:1:2 64500:1000:1");
    }

    @Test
    void prependsAndBlackholeRewritesAreVariants() throws Exception {
        ExportForms forms = forms();
        int id = attrs();
        ExportForm plain = forms.form(id, 3333, false, 0);
        ExportForm prepended = forms.form(id, 3333, false, Variant.of(0, 2));
        ExportForm blackhole = forms.form(id, 3333, false, Variant.BLACKHOLE_NEXT_HOP | Variant.NO_EXPORT);
        assertThat(forms.form(id, 3333, false, 0)).as("cached").isSameAs(plain);
        assertThat(prepended.serial()).isNotEqualTo(plain.serial());
        assertThat(get(prepended.attributes(true), AsPath.class)).hasToString("3333 3333 3333 196608");
        assertThat(blackhole.nextHop()).containsExactly(192, 0, 2, 66);
        assertThat(get(blackhole.attributes(true), Communities.class)).hasToString("3333:7 65535:666 65535:65281");
        assertThat(get(plain.attributes(true), LargeCommunities.class)).as("RPKI not checked: no state community")
                .hasToString("3333:1:2");
    }

    @Test
    void twoOctetReceiversGetAsTransAndAs4Path() throws Exception {
        List<PathAttribute> out = forms().form(attrs(), 3333, false, 0).attributes(false);
        assertThat(get(out, AsPath.class)).hasToString("3333 23456");
        assertThat(out).anyMatch(a -> a.toString().equals("3333 196608") && a.typeCode() == 17);
    }

    @Test
    void aReusedAttributeIdGetsANewForm() throws Exception {
        ExportForms forms = forms();
        int id = attrs();
        ExportForm first = forms.form(id, 3333, false, 0);
        table.release(id);
        int again = table.intern(List.of(Origin.of(Origin.EGP)));
        assertThat(again).isEqualTo(id);
        assertThat(forms.form(again, 3333, false, 0).serial()).isNotEqualTo(first.serial());
    }

    @Test
    void aFormThatIsTheSetWithoutItsNextHopKeepsNoBytesOfItsOwn() throws Exception {
        ExportForms forms = new ExportForms(table, RS, new Blackholing(BlackholePolicy.PROPAGATE_UNCHANGED,
                BlackholePolicy.PROPAGATE_UNCHANGED, null, null, false, false), false);
        int plainId = table.intern(List.of(Origin.of(Origin.IGP), AsPath.of(List.of(AsPathSegment.sequence(3333))),
                NextHop.of(0xC000020B), MultiExitDisc.of(50), Communities.of(3333 << 16 | 7)));
        ExportForm plain = forms.form(plainId, 3333, false, 0);
        assertThat(plain.sharesStoredEncoding()).isTrue();
        byte[] stored = table.encoded(plainId);
        assertThat(plain.encoded(true)).as("the stored set minus its 7-byte NEXT_HOP").hasSize(stored.length - 7);
        assertThat(plain.storedWithNextHop()).as("an IPv4 UPDATE's attributes are the stored set itself")
                .isSameAs(stored);
        assertThat(plain.attributes(true)).doesNotHaveAnyElementsOfTypes(NextHop.class)
                .contains(MultiExitDisc.of(50), Communities.of(3333 << 16 | 7));
        // LOCAL_PREF and a community for the route server are not sent: the form differs, it has its own bytes.
        ExportForm scrubbed = forms.form(attrs(), 3333, false, 0);
        assertThat(scrubbed.sharesStoredEncoding()).isFalse();
        assertThat(scrubbed.storedWithNextHop()).isNull();
        assertThat(get(scrubbed.attributes(true), LocalPref.class)).isNull();
    }

    @Test
    void theNextHopCutIsFoundOnlyWhereRemovingItLeavesTheFormExactly() {
        byte[] stored = {0x40, 1, 1, 0, 0x40, 3, 4, (byte) 192, 0, 2, 1, (byte) 0x80, 4, 4, 0, 0, 0, 50};
        byte[] form = {0x40, 1, 1, 0, (byte) 0x80, 4, 4, 0, 0, 0, 50};
        assertThat(ExportForm.nextHopCut(stored, form)).isEqualTo(4L << 32 | 11);
        byte[] otherMed = form.clone();
        otherMed[10] = 51;
        assertThat(ExportForm.nextHopCut(stored, otherMed)).isEqualTo(-1);
        assertThat(ExportForm.nextHopCut(form, form)).as("no next hop to cut").isEqualTo(-1);
        assertThat(ExportForm.nextHopCut(new byte[] {0x50, 3, 0}, new byte[0])).as("truncated").isEqualTo(-1);
    }
}

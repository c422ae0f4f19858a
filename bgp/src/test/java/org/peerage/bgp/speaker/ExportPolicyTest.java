package org.peerage.bgp.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerage.bgp.wire.attr.Aggregator;
import org.peerage.bgp.wire.attr.As4Aggregator;
import org.peerage.bgp.wire.attr.As4Path;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.AttributeType;
import org.peerage.bgp.wire.attr.LocalPref;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.bgp.wire.attr.UnknownAttribute;

class ExportPolicyTest {
    private static PathAttribute find(List<PathAttribute> attrs, AttributeType t) {
        return attrs.stream().filter(a -> a.typeCode() == t.code()).findFirst().orElse(null);
    }

    @Test
    void prependsOwnAsAndDropsIbgpOnlyAttributes() {
        List<PathAttribute> out = ExportPolicy.ebgp(List.of(Origin.of(0),
                AsPath.of(List.of(AsPathSegment.sequence(3356, 15169))), NextHop.of(1), LocalPref.of(200),
                new UnknownAttribute(0xC0, 99, new byte[] {1}), new UnknownAttribute(0x80, 98, new byte[] {2})),
                64601, true);
        assertThat(find(out, AttributeType.AS_PATH)).hasToString("64601 3356 15169");
        assertThat(find(out, AttributeType.LOCAL_PREF)).isNull();
        assertThat(find(out, AttributeType.NEXT_HOP)).isNull();
        assertThat(out).contains(new UnknownAttribute(0xE0, 99, new byte[] {1}));
        assertThat(out).noneMatch(a -> a.typeCode() == 98);
        assertThat(out).extracting(PathAttribute::typeCode).isSorted();
    }

    @Test
    void towardsATwoOctetPeerFourOctetAsesBecomeAsTransWithAs4Path() {
        List<PathAttribute> out = ExportPolicy.ebgp(List.of(Origin.of(0),
                AsPath.of(List.of(AsPathSegment.sequence(4_200_000_000L, 3356))),
                Aggregator.of(4_200_000_001L, 0x0A000001)), 64601, false);
        assertThat(find(out, AttributeType.AS_PATH)).hasToString("64601 23456 3356");
        assertThat(((As4Path) find(out, AttributeType.AS4_PATH))).hasToString("64601 4200000000 3356");
        assertThat(((Aggregator) find(out, AttributeType.AGGREGATOR)).asn()).isEqualTo(23456);
        assertThat(((As4Aggregator) find(out, AttributeType.AS4_AGGREGATOR)).asn()).isEqualTo(4_200_000_001L);
    }

    @Test
    void noAs4PathWhenEveryAsFitsTwoOctets() {
        List<PathAttribute> out = ExportPolicy.ebgp(List.of(AsPath.of(List.of(AsPathSegment.set(1, 2)))), 64601,
                false);
        assertThat(find(out, AttributeType.AS_PATH)).hasToString("64601 {1,2}");
        assertThat(find(out, AttributeType.AS4_PATH)).isNull();
    }
}

package org.peerage.flow.netflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.peerage.flow.Exporters;
import org.peerage.flow.FlowBatch;
import org.peerage.flow.Malformation;
import org.peerage.flow.PacketResult;

/** A sender that invents templates or observation domains without end is refused, not remembered. */
class TemplateLimitsTest {
    private static byte[] ipfixTemplate(long domain, int templateId) {
        ByteBuffer b = ByteBuffer.allocate(16 + 12);
        b.putShort((short) 10).putShort((short) 28).putInt(1_700_000_000).putInt(0).putInt((int) domain);
        b.putShort((short) 2).putShort((short) 12).putShort((short) templateId).putShort((short) 1)
                .putShort((short) 8).putShort((short) 4);
        return b.array();
    }

    @Test
    void templatesPerDomainAndDomainsAreBounded() {
        TemplateFlowDecoder d = new TemplateFlowDecoder();
        FlowBatch out = new FlowBatch(new Exporters());
        for (int id = 256; id < 256 + TemplateFlowDecoder.MAX_TEMPLATES_PER_DOMAIN; id++) {
            byte[] p = ipfixTemplate(1, id);
            assertThat(d.decode(p, 0, p.length, 0, out)).isInstanceOf(PacketResult.Decoded.class);
        }
        byte[] again = ipfixTemplate(1, 300); // a known template may still be refreshed
        assertThat(d.decode(again, 0, again.length, 0, out)).isInstanceOf(PacketResult.Decoded.class);
        byte[] one = ipfixTemplate(1, 256 + TemplateFlowDecoder.MAX_TEMPLATES_PER_DOMAIN);
        assertThat(d.decode(one, 0, one.length, 0, out)).isInstanceOfSatisfying(PacketResult.Malformed.class,
                m -> assertThat(m.reason()).isEqualTo(Malformation.LIMIT));

        for (long domain = 2; domain <= TemplateFlowDecoder.MAX_DOMAINS_PER_EXPORTER; domain++) {
            byte[] p = ipfixTemplate(domain, 256);
            assertThat(d.decode(p, 0, p.length, 0, out)).isInstanceOf(PacketResult.Decoded.class);
        }
        byte[] beyond = ipfixTemplate(TemplateFlowDecoder.MAX_DOMAINS_PER_EXPORTER + 1L, 256);
        assertThat(d.decode(beyond, 0, beyond.length, 0, out)).isInstanceOfSatisfying(PacketResult.Malformed.class,
                m -> assertThat(m.reason()).isEqualTo(Malformation.LIMIT));
        byte[] otherExporter = ipfixTemplate(7, 256); // another exporter is not held back by the first one
        assertThat(d.decode(otherExporter, 0, otherExporter.length, 1, out)).isInstanceOf(
                PacketResult.Decoded.class);
    }
}

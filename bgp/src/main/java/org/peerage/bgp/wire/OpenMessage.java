package org.peerage.bgp.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.peerage.bgp.wire.open.CapabilitiesParameter;
import org.peerage.bgp.wire.open.Capability;
import org.peerage.bgp.wire.open.FourOctetAsCapability;

/**
 * OPEN (RFC 4271 §4.2), version 4. Optional parameters are Capabilities parameters (RFC 5492), the only kind in use;
 * any other is refused by the decoder as Unsupported Optional Parameter, as RFC 4271 §6.2 requires.
 *
 * @param myAs          the 2-octet My Autonomous System field: the AS, or {@link #AS_TRANS} when it needs 4 octets
 * @param holdTime      seconds, 0 or at least 3
 * @param bgpIdentifier the BGP Identifier, non-zero (RFC 6286)
 * @param parameters    the Capabilities parameters in received order
 * @param nonExtOpLen   0 for the RFC 4271 parameter format; otherwise the RFC 9072 extended format is used and this
 *                      is its "Non-Ext OP Len" octet (255 when sending; ignored by receivers, kept for re-encoding)
 */
public record OpenMessage(int myAs, int holdTime, int bgpIdentifier, List<CapabilitiesParameter> parameters,
                          int nonExtOpLen) implements BgpMessage {
    public static final int VERSION = 4;
    /** Stands in for a 4-octet AS in 2-octet fields (RFC 6793 §2). */
    public static final int AS_TRANS = 23456;
    /** The Non-Ext OP Len and Non-Ext OP Type RFC 9072 sends to mark the extended format. */
    public static final int EXTENDED_FORMAT = 255;

    public OpenMessage {
        parameters = List.copyOf(parameters);
        if (myAs <= 0 || myAs > 0xFFFF) {
            throw new IllegalArgumentException("My AS out of range: " + myAs);
        }
        if ((holdTime != 0 && holdTime < 3) || holdTime > 0xFFFF) {
            throw new IllegalArgumentException("hold time must be 0 or 3..65535 seconds: " + holdTime);
        }
        if (bgpIdentifier == 0) {
            throw new IllegalArgumentException("BGP identifier must be non-zero");
        }
        if (nonExtOpLen < 0 || nonExtOpLen > 0xFF) {
            throw new IllegalArgumentException("Non-Ext OP Len out of range: " + nonExtOpLen);
        }
    }

    /**
     * An OPEN with the capabilities in one parameter, in the extended format only if they do not fit the standard
     * one (RFC 9072 §2). A 4-octet {@code asn} needs a {@link FourOctetAsCapability} with the same AS (RFC 6793).
     */
    public static OpenMessage of(long asn, int holdTime, int bgpIdentifier, List<Capability> capabilities) {
        if (asn > 0xFFFF && !capabilities.contains(new FourOctetAsCapability(asn))) {
            throw new IllegalArgumentException("AS " + asn + " needs a 4-octet AS capability carrying it");
        }
        List<CapabilitiesParameter> parameters = capabilities.isEmpty() ? List.of()
                : List.of(new CapabilitiesParameter(capabilities));
        int myAs = asn > 0xFFFF ? AS_TRANS : (int) asn;
        return new OpenMessage(myAs, holdTime, bgpIdentifier, parameters,
                OpenCodec.fitsStandardFormat(parameters) ? 0 : EXTENDED_FORMAT);
    }

    @Override
    public MessageType type() {
        return MessageType.OPEN;
    }

    public boolean extendedFormat() {
        return nonExtOpLen != 0;
    }

    /** Every capability, in order, across all parameters. */
    public List<Capability> capabilities() {
        List<Capability> all = new ArrayList<>();
        for (CapabilitiesParameter p : parameters) {
            all.addAll(p.capabilities());
        }
        return all;
    }

    public <T extends Capability> List<T> capabilities(Class<T> kind) {
        List<T> found = new ArrayList<>();
        for (Capability c : capabilities()) {
            if (kind.isInstance(c)) found.add(kind.cast(c));
        }
        return found;
    }

    /** The first capability of the kind; RFC 5492 §4 leaves what a repeat means to each capability. */
    public <T extends Capability> Optional<T> capability(Class<T> kind) {
        return capabilities(kind).stream().findFirst();
    }

    /** The speaker's AS: from the 4-octet AS capability when present (RFC 6793 §4.1), else the My AS field. */
    public long effectiveAs() {
        return capability(FourOctetAsCapability.class).map(FourOctetAsCapability::asn).orElse((long) myAs);
    }

    public String bgpIdentifierText() {
        return InetText.formatIpv4(bgpIdentifier);
    }
}

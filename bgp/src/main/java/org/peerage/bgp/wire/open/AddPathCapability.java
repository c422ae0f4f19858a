package org.peerage.bgp.wire.open;

import java.util.List;
import org.peerage.bgp.wire.AddressFamily;

/** ADD-PATH (RFC 7911): per family, whether the speaker can send and/or receive multiple paths. */
public record AddPathCapability(List<Family> families) implements Capability {
    static final int ENTRY_LENGTH = 4;

    public AddPathCapability {
        families = List.copyOf(families);
        if (families.size() * ENTRY_LENGTH > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("too many ADD-PATH families: " + families.size());
        }
    }

    @Override
    public int code() {
        return CapabilityCode.ADD_PATH.code();
    }

    /**
     * One family's entry.
     *
     * @param sendReceive the raw Send/Receive octet, kept even when it is not one of the values RFC 7911 defines
     */
    public record Family(AddressFamily family, int sendReceive) {
        public Family {
            if (sendReceive < 0 || sendReceive > 0xFF) {
                throw new IllegalArgumentException("send/receive out of range: " + sendReceive);
            }
        }

        public static Family of(AddressFamily family, AddPathMode mode) {
            return new Family(family, mode.code());
        }

        /** The mode, or null for an undefined value, which means the entry is to be ignored (RFC 7911 §4). */
        public AddPathMode mode() {
            return AddPathMode.of(sendReceive);
        }
    }
}

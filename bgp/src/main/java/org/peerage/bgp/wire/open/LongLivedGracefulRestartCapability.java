package org.peerage.bgp.wire.open;

import java.util.List;
import org.peerage.bgp.wire.AddressFamily;

/** Long-lived graceful restart (RFC 9494 §3): per family, how long stale routes may be kept. */
public record LongLivedGracefulRestartCapability(List<Family> families) implements Capability {
    static final int ENTRY_LENGTH = 7;

    public LongLivedGracefulRestartCapability {
        families = List.copyOf(families);
        if (families.size() * ENTRY_LENGTH > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("too many long-lived graceful restart families: " + families.size());
        }
    }

    @Override
    public int code() {
        return CapabilityCode.LONG_LIVED_GRACEFUL_RESTART.code();
    }

    /**
     * One family.
     *
     * @param flags     the raw flags octet (F = 0x80; the rest reserved and kept)
     * @param staleTime the long-lived stale time in seconds, 24 bits
     */
    public record Family(AddressFamily family, int flags, int staleTime) {
        public static final int FORWARDING_STATE = 0x80;

        public Family {
            if (flags < 0 || flags > 0xFF || staleTime < 0 || staleTime > 0xFF_FFFF) {
                throw new IllegalArgumentException("flags/stale time out of range: " + flags + "/" + staleTime);
            }
        }

        public boolean forwardingPreserved() {
            return (flags & FORWARDING_STATE) != 0;
        }
    }
}

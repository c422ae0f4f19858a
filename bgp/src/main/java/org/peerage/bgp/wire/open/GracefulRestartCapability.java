package org.peerage.bgp.wire.open;

import java.util.List;
import org.peerage.bgp.wire.AddressFamily;

/**
 * Graceful restart (RFC 4724 §3, N bit from RFC 8538).
 *
 * @param restartFlags the 4 flag bits, raw (R = 8, N = 4; the other two are reserved and kept)
 * @param restartTime  seconds, 12 bits
 * @param families     the families whose forwarding state the speaker may preserve
 */
public record GracefulRestartCapability(int restartFlags, int restartTime, List<Family> families)
        implements Capability {
    public static final int RESTART_STATE = 0x8;
    public static final int NOTIFICATION = 0x4;
    static final int HEADER_LENGTH = 2;
    static final int ENTRY_LENGTH = 4;

    public GracefulRestartCapability {
        families = List.copyOf(families);
        if (restartFlags < 0 || restartFlags > 0xF || restartTime < 0 || restartTime > 0xFFF) {
            throw new IllegalArgumentException("restart flags/time out of range: " + restartFlags + "/" + restartTime);
        }
        if (HEADER_LENGTH + families.size() * ENTRY_LENGTH > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("too many graceful restart families: " + families.size());
        }
    }

    @Override
    public int code() {
        return CapabilityCode.GRACEFUL_RESTART.code();
    }

    /** R bit: the speaker has restarted and its peer should not wait for its End-of-RIB before sending its own. */
    public boolean restarting() {
        return (restartFlags & RESTART_STATE) != 0;
    }

    /** N bit: graceful restart also covers sessions ended by NOTIFICATION (RFC 8538). */
    public boolean notificationSupported() {
        return (restartFlags & NOTIFICATION) != 0;
    }

    /**
     * One family.
     *
     * @param flags the raw flags octet (F = 0x80; the rest reserved and kept)
     */
    public record Family(AddressFamily family, int flags) {
        public static final int FORWARDING_STATE = 0x80;

        public Family {
            if (flags < 0 || flags > 0xFF) {
                throw new IllegalArgumentException("flags out of range: " + flags);
            }
        }

        /** F bit: forwarding state for the family was preserved across the restart. */
        public boolean forwardingPreserved() {
            return (flags & FORWARDING_STATE) != 0;
        }
    }
}

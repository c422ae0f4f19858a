package org.peerage.bgp.wire.open;

/**
 * BGP role (RFC 9234 §4.1). The value is kept as a number: an unassigned role is not malformed, it is a role
 * mismatch, which the session layer decides.
 */
public record RoleCapability(int roleCode) implements Capability {

    public RoleCapability {
        if (roleCode < 0 || roleCode > 0xFF) {
            throw new IllegalArgumentException("role out of range: " + roleCode);
        }
    }

    public static RoleCapability of(BgpRole role) {
        return new RoleCapability(role.code());
    }

    /** The role, or null for an unassigned value. */
    public BgpRole role() {
        return BgpRole.of(roleCode);
    }

    @Override
    public int code() {
        return CapabilityCode.BGP_ROLE.code();
    }
}

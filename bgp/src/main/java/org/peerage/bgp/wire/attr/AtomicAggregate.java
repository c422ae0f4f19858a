package org.peerage.bgp.wire.attr;

/** ATOMIC_AGGREGATE (RFC 4271 §5.1.6): no value. */
public record AtomicAggregate(int flags) implements PathAttribute {
    public static AtomicAggregate of() {
        return new AtomicAggregate(AttributeType.ATOMIC_AGGREGATE.category().flags());
    }

    @Override
    public int typeCode() {
        return AttributeType.ATOMIC_AGGREGATE.code();
    }
}

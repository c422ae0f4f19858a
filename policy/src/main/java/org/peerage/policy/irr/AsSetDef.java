package org.peerage.policy.irr;

/**
 * One as-set object as kept after loading: its members only, already split into AS numbers and set names
 * (upper case, possibly "SOURCE::NAME"). Everything else in the object is dropped while reading.
 */
record AsSetDef(int id, String name, String source, long[] asns, String[] sets) {
}

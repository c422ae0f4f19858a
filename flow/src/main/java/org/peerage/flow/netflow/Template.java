package org.peerage.flow.netflow;

/**
 * A template or options template as a decoding plan: per field the element it carries (null to skip) and its
 * length ({@link #VARIABLE} for an IPFIX variable-length field).
 *
 * @param scopeFields    number of leading scope fields (options templates; 0 for a data template)
 * @param minimumLength  bytes of a record when every variable-length field is empty
 */
record Template(int id, boolean options, int scopeFields, InformationElement[] elements, int[] lengths,
                int minimumLength, boolean variable) {
    static final int VARIABLE = 65535;

    static Template of(int id, boolean options, int scopeFields, InformationElement[] elements, int[] lengths) {
        int minimum = 0;
        boolean variable = false;
        for (int length : lengths) {
            if (length == VARIABLE) {
                variable = true;
                minimum += 1;
            } else {
                minimum += length;
            }
        }
        return new Template(id, options, scopeFields, elements, lengths, minimum, variable);
    }
}

package org.peerage.planner.plan;

/** Address family of a figure: both together, or IPv4 or IPv6 alone. */
public enum Family {
    ALL("all"),
    IPV4("IPv4"),
    IPV6("IPv6");

    private final String label;

    Family(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean includes(int ipVersion) {
        return this == ALL || (this == IPV4 ? ipVersion == 4 : ipVersion == 6);
    }
}

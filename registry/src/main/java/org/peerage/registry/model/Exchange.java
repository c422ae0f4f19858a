package org.peerage.registry.model;

/** An internet exchange (PeeringDB ix, or an IXP of an IX-F export). */
public record Exchange(long id, String source, String name, String nameLong, String city, String country,
        String regionContinent, String media, String website, String rawJson) {
}

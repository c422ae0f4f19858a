package org.peerage.cli;

/** Port speeds as operators say them: 100M, 1G, 10G, 400G. */
final class Speeds {
    private Speeds() {
    }

    static String format(Long mbps) {
        if (mbps == null || mbps == 0) {
            return "-";
        }
        if (mbps >= 1000 && mbps % 1000 == 0) {
            return mbps / 1000 + "G";
        }
        if (mbps >= 1000) {
            return String.format(java.util.Locale.ROOT, "%.1fG", mbps / 1000.0);
        }
        return mbps + "M";
    }
}

package org.peerage.policy.irr;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.peerage.policy.Asns;
import org.peerage.policy.PolicyDataException;
import org.peerage.policy.PrefixBits;

/**
 * ARIN's origin AS export ({@code {"source": "ARIN-WHOIS", "whois_records": {"v4": [{"prefix": "3.0.0.0/15",
 * "originas": "AS38895", ...}], "v6": [...]}}}): each record counts as a route or route6 object of the file's
 * source. A record without a usable prefix or origin is reported with its JSON path and skipped.
 */
final class ArinOriginAsReader {
    private static final JsonFactory JSON = new JsonFactory();

    private final String file;
    private final IrrBuilder out;
    private String source = "ARIN-WHOIS";

    ArinOriginAsReader(String file, IrrBuilder out) {
        this.file = file;
        this.out = out;
    }

    void read(InputStream in) throws IOException, PolicyDataException {
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new PolicyDataException(file + ":1: JSON, but not ARIN's origin AS export (expected an object)");
            }
            boolean records = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken t = p.nextToken();
                if (f.equals("source") && t == JsonToken.VALUE_STRING) {
                    source = p.getText().strip().toUpperCase(Locale.ROOT);
                } else if (f.equals("whois_records") && t == JsonToken.START_OBJECT) {
                    records = true;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String family = p.currentName();
                        if (p.nextToken() != JsonToken.START_ARRAY) {
                            p.skipChildren();
                            continue;
                        }
                        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                            record(p, "whois_records." + family + "[" + i + "]");
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!records) {
                throw new PolicyDataException(file + ": JSON, but not ARIN's origin AS export (no \"whois_records\")");
            }
        }
    }

    private void record(JsonParser p, String path) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        out.objects++;
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            out.malformed(file + ":" + line + ": " + path + ": not an object; record skipped");
            return;
        }
        String prefix = null;
        String origins = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            if (f.equals("prefix") && t == JsonToken.VALUE_STRING) {
                prefix = p.getText();
            } else if (f.equals("originas") && t == JsonToken.VALUE_STRING) {
                origins = p.getText();
            } else {
                p.skipChildren();
            }
        }
        if (prefix == null || origins == null) {
            out.malformed(file + ":" + line + ": " + path + ": no " + (prefix == null ? "prefix" : "originas")
                    + "; record skipped");
            return;
        }
        org.peerage.bgp.wire.Prefix pfx;
        try {
            pfx = PrefixBits.parseLoose(prefix);
        } catch (IllegalArgumentException e) {
            out.malformed(file + ":" + line + ": " + path + ".prefix: " + e.getMessage() + "; record skipped");
            return;
        }
        short src = out.source(source);
        // One record may name several origins ("AS1 AS2"): each is an authorization of its own.
        for (String o : origins.split("[,\\s]+")) {
            if (o.isEmpty()) {
                continue;
            }
            long asn = Asns.parse(o);
            if (asn < 0) {
                out.malformed(file + ":" + line + ": " + path + ".originas: '" + o + "' is not an AS number; skipped");
                continue;
            }
            if (pfx.isIpv6()) {
                out.route6(PrefixBits.hi(pfx), PrefixBits.lo(pfx), pfx.length(), asn, src);
            } else {
                byte[] a = pfx.address();
                out.route4((a[0] & 0xFF) << 24 | (a[1] & 0xFF) << 16 | (a[2] & 0xFF) << 8 | (a[3] & 0xFF),
                        pfx.length(), asn, src);
            }
        }
    }
}

package org.peerage.policy.rpki;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.peerage.bgp.mrt.MrtInput;
import org.peerage.bgp.wire.Prefix;
import org.peerage.policy.Asns;
import org.peerage.policy.PolicyDataException;
import org.peerage.policy.PrefixBits;
import org.peerage.policy.aspa.Aspa;

/**
 * Reads the VRP (and ASPA) exports of RPKI validators, recognized by content, plain or compressed (gzip, bzip2, xz):
 * <ul>
 * <li>rpki-client JSON: {@code {"metadata": {...}, "roas": [{"asn": 13335, "prefix": "1.0.0.0/24", "maxLength": 24,
 * "ta": "apnic", "expires": 1627568318}], "aspas": [{"customer_asid": 15562, "expires": ..., "providers": [2914]}]}}
 * (the older {@code "provider_set"} of numbers or of {@code {"provider_asid": ...}} objects too);</li>
 * <li>the RIPE NCC validator export and its kin (Routinator, OctoRPKI, StayRTR): {@code {"roas": [{"asn": "AS3333",
 * ...}]}}.</li>
 * </ul>
 * The AS number may be a number or an "AS123" string in every format, and maxLength may be missing (it then equals
 * the prefix length, RFC 6482). Entries whose {@code expires} lies before {@code now} are dropped and counted.
 * Unknown members are ignored. A bad entry fails the load with the file, line and JSON path.
 */
public final class VrpFiles {
    private static final JsonFactory JSON = new JsonFactory();

    private VrpFiles() {
    }

    public static VrpFile load(Path file, Instant now) throws PolicyDataException {
        try (InputStream in = MrtInput.open(file.toString()); JsonParser p = JSON.createParser(in)) {
            return new Reader(file, p, now.getEpochSecond()).read();
        } catch (NoSuchFileException e) {
            throw new PolicyDataException(file + ": no such file");
        } catch (JsonProcessingException e) {
            throw new PolicyDataException(file + ":" + e.getLocation().getLineNr() + ": not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PolicyDataException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static final class Reader {
        private final Path file;
        private final JsonParser p;
        private final long now;
        private final List<Vrp> vrps = new ArrayList<>();
        private final List<Aspa> aspas = new ArrayList<>();
        private int expired;
        private boolean metadata;
        private boolean asnStrings;
        private boolean sawRoas;

        Reader(Path file, JsonParser p, long now) {
            this.file = file;
            this.p = p;
            this.now = now;
        }

        VrpFile read() throws IOException, PolicyDataException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error("", "not a VRP file: expected a JSON object with a \"roas\" list");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "metadata" -> {
                        metadata = true;
                        p.skipChildren();
                    }
                    case "roas" -> {
                        sawRoas = true;
                        expectArray(t, "roas");
                        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                            roa("roas[" + i + "]");
                        }
                    }
                    case "aspas" -> {
                        expectArray(t, "aspas");
                        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                            aspa("aspas[" + i + "]");
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (!sawRoas) {
                throw error("", "not a VRP file: no \"roas\" list");
            }
            String format = metadata ? "rpki-client" : asnStrings ? "ripe-validator" : "vrp-json";
            return new VrpFile(vrps, aspas, expired, format);
        }

        private void roa(String path) throws IOException, PolicyDataException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw error(path, "expected an object");
            }
            int line = line();
            long asn = -1;
            String prefixText = null;
            int maxLength = -1;
            String ta = "";
            long expires = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "asn" -> asn = asn(path + ".asn");
                    case "prefix" -> prefixText = text(path + ".prefix");
                    case "maxLength", "max_length", "maxlen" -> maxLength = (int) integer(path + "." + f, 0, 128);
                    case "ta" -> ta = text(path + ".ta");
                    case "expires" -> expires = integer(path + ".expires", 0, Long.MAX_VALUE);
                    default -> p.skipChildren();
                }
            }
            if (asn < 0) {
                throw error(line, path, "no \"asn\"");
            }
            if (prefixText == null) {
                throw error(line, path, "no \"prefix\"");
            }
            Prefix prefix;
            try {
                prefix = PrefixBits.parseStrict(prefixText);
            } catch (IllegalArgumentException e) {
                throw error(line, path + ".prefix", e.getMessage());
            }
            if (maxLength < 0) {
                maxLength = prefix.length();
            }
            int familyMax = prefix.isIpv6() ? 128 : 32;
            if (maxLength < prefix.length()) {
                throw error(line, path + ".maxLength", "maxLength " + maxLength + " is shorter than the prefix "
                        + prefix);
            }
            if (maxLength > familyMax) {
                throw error(line, path + ".maxLength", "maxLength " + maxLength + " exceeds /" + familyMax + " for "
                        + prefix);
            }
            if (expires != 0 && expires < now) {
                expired++;
                return;
            }
            vrps.add(new Vrp(prefix, maxLength, asn, ta, expires));
        }

        private void aspa(String path) throws IOException, PolicyDataException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw error(path, "expected an object");
            }
            int line = line();
            long customer = -1;
            long expires = 0;
            List<Long> providers = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "customer_asid", "customer" -> customer = asn(path + "." + f);
                    case "expires" -> expires = integer(path + ".expires", 0, Long.MAX_VALUE);
                    case "providers", "provider_set" -> providers = providers(path + "." + f);
                    default -> p.skipChildren();
                }
            }
            if (customer < 0) {
                throw error(line, path, "no \"customer_asid\"");
            }
            if (providers == null) {
                throw error(line, path, "no \"providers\"");
            }
            if (expires != 0 && expires < now) {
                expired++;
                return;
            }
            aspas.add(new Aspa(customer, providers.stream().mapToLong(Long::longValue).toArray()));
        }

        private List<Long> providers(String path) throws IOException, PolicyDataException {
            expectArray(p.currentToken(), path);
            List<Long> out = new ArrayList<>();
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                String at = path + "[" + i + "]";
                if (p.currentToken() == JsonToken.START_OBJECT) {
                    // rpki-client 8: {"provider_asid": 2914, "afi_limit": "ipv4"}; the AFI limit left the profile.
                    long asn = -1;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        p.nextToken();
                        if (f.equals("provider_asid") || f.equals("asid")) {
                            asn = asn(at + "." + f);
                        } else {
                            p.skipChildren();
                        }
                    }
                    if (asn < 0) {
                        throw error(at, "no \"provider_asid\"");
                    }
                    out.add(asn);
                } else {
                    out.add(asn(at));
                }
            }
            return out;
        }

        private long asn(String path) throws IOException, PolicyDataException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT) {
                long v = p.getLongValue();
                if (v < 0 || v > Asns.MAX) {
                    throw error(path, "AS number " + p.getText() + " out of range");
                }
                return v;
            }
            if (t == JsonToken.VALUE_STRING) {
                asnStrings = true;
                long v = Asns.parse(p.getText().strip());
                if (v < 0) {
                    throw error(path, "not an AS number: \"" + p.getText() + "\"");
                }
                return v;
            }
            throw error(path, "expected an AS number, found " + describe(t));
        }

        private long integer(String path, long min, long max) throws IOException, PolicyDataException {
            JsonToken t = p.currentToken();
            long v;
            if (t == JsonToken.VALUE_NUMBER_INT) {
                v = p.getLongValue();
            } else if (t == JsonToken.VALUE_STRING && !p.getText().isBlank()
                    && p.getText().strip().chars().allMatch(c -> c >= '0' && c <= '9') && p.getText().strip().length() < 19) {
                v = Long.parseLong(p.getText().strip());
            } else {
                throw error(path, "expected a whole number, found " + describe(t));
            }
            if (v < min || v > max) {
                throw error(path, v + " out of range " + min + ".." + max);
            }
            return v;
        }

        private String text(String path) throws IOException, PolicyDataException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw error(path, "expected a string, found " + describe(p.currentToken()));
            }
            return p.getText();
        }

        private void expectArray(JsonToken t, String path) throws IOException, PolicyDataException {
            if (t != JsonToken.START_ARRAY) {
                throw error(path, "expected a list, found " + describe(t));
            }
        }

        private String describe(JsonToken t) throws IOException {
            return switch (t) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "a list";
                case VALUE_STRING -> "\"" + p.getText() + "\"";
                case VALUE_NULL -> "null";
                default -> p.getText();
            };
        }

        private int line() {
            return p.currentTokenLocation().getLineNr();
        }

        private PolicyDataException error(String path, String what) {
            return error(line(), path, what);
        }

        private PolicyDataException error(int line, String path, String what) {
            return new PolicyDataException(file + ":" + line + ": " + (path.isEmpty() ? "" : path + ": ") + what);
        }
    }
}

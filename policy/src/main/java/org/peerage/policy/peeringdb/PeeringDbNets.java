package org.peerage.policy.peeringdb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.peerage.bgp.mrt.MrtInput;
import org.peerage.policy.Asns;
import org.peerage.policy.PolicyDataException;

/**
 * PeeringDB {@code net} records by AS number, from an API answer or dump saved as a file ({@code {"data": [...]}},
 * plain or compressed). Members other than the ones {@link PeeringDbNet} keeps are skipped; nulls read as absent.
 */
public final class PeeringDbNets {
    private static final JsonFactory JSON = new JsonFactory();

    private final Map<Long, PeeringDbNet> byAsn;

    private PeeringDbNets(Map<Long, PeeringDbNet> byAsn) {
        this.byAsn = Map.copyOf(byAsn);
    }

    public static PeeringDbNets of(java.util.Collection<PeeringDbNet> nets) {
        Map<Long, PeeringDbNet> m = new HashMap<>();
        nets.forEach(n -> m.put(n.asn(), n));
        return new PeeringDbNets(m);
    }

    public static PeeringDbNets load(Path apiJson) throws PolicyDataException {
        try (InputStream in = MrtInput.open(apiJson.toString()); JsonParser p = JSON.createParser(in)) {
            return new PeeringDbNets(read(apiJson, p));
        } catch (NoSuchFileException e) {
            throw new PolicyDataException(apiJson + ": no such file");
        } catch (JsonProcessingException e) {
            throw new PolicyDataException(apiJson + ":" + e.getLocation().getLineNr() + ": not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PolicyDataException(apiJson + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The record for {@code asn}, or null if PeeringDB has none. */
    public PeeringDbNet get(long asn) {
        return byAsn.get(asn);
    }

    public int size() {
        return byAsn.size();
    }

    private static Map<Long, PeeringDbNet> read(Path file, JsonParser p) throws IOException, PolicyDataException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new PolicyDataException(file + ":1: not a PeeringDB answer: expected {\"data\": [...]}");
        }
        Map<Long, PeeringDbNet> out = new HashMap<>();
        boolean sawData = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (!field.equals("data")) {
                p.skipChildren();
                continue;
            }
            sawData = true;
            if (t != JsonToken.START_ARRAY) {
                throw new PolicyDataException(file + ":" + line(p) + ": data: expected a list");
            }
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                PeeringDbNet net = net(file, p, "data[" + i + "]");
                out.put(net.asn(), net);
            }
        }
        if (!sawData) {
            throw new PolicyDataException(file + ": not a PeeringDB answer: no \"data\" list");
        }
        return out;
    }

    private static PeeringDbNet net(Path file, JsonParser p, String path) throws IOException, PolicyDataException {
        int line = line(p);
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new PolicyDataException(file + ":" + line + ": " + path + ": expected an object");
        }
        long asn = -1;
        String name = "";
        int v4 = 0;
        int v6 = 0;
        boolean never = false;
        String asSet = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            String at = path + "." + f;
            if (t == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (f) {
                case "asn" -> {
                    asn = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue()
                            : t == JsonToken.VALUE_STRING ? Asns.parse(p.getText()) : -1;
                    if (asn < 0 || asn > Asns.MAX) {
                        throw new PolicyDataException(file + ":" + line(p) + ": " + at + ": not an AS number: "
                                + p.getText());
                    }
                }
                case "name" -> name = p.getValueAsString("");
                case "info_prefixes4" -> v4 = count(file, p, at);
                case "info_prefixes6" -> v6 = count(file, p, at);
                case "info_never_via_route_servers" -> {
                    if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                        throw new PolicyDataException(file + ":" + line(p) + ": " + at + ": expected true or false, "
                                + "found " + p.getText());
                    }
                    never = t == JsonToken.VALUE_TRUE;
                }
                case "irr_as_set" -> asSet = p.getValueAsString("").strip();
                default -> p.skipChildren();
            }
        }
        if (asn < 0) {
            throw new PolicyDataException(file + ":" + line + ": " + path + ": no \"asn\"");
        }
        return new PeeringDbNet(asn, name, v4, v6, never, asSet);
    }

    private static int count(Path file, JsonParser p, String at) throws IOException, PolicyDataException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 0 || p.getLongValue() > Integer.MAX_VALUE) {
            throw new PolicyDataException(file + ":" + line(p) + ": " + at + ": expected a prefix count, found "
                    + p.getText());
        }
        return p.getIntValue();
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}

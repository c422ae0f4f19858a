package org.peerage.flow;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns exporter addresses to small ints, so that a flow batch carries one int per record for its exporter. Shared
 * by the threads of a collector: interning is synchronized, lookups of an id already handed out are not contended.
 */
public final class Exporters {
    private final Map<InetAddress, Integer> ids = new HashMap<>();
    private final List<InetAddress> addresses = new ArrayList<>();

    public synchronized int intern(InetAddress address) {
        Integer id = ids.get(address);
        if (id != null) {
            return id;
        }
        addresses.add(address);
        ids.put(address, addresses.size() - 1);
        return addresses.size() - 1;
    }

    public int intern(byte[] address) {
        try {
            return intern(InetAddress.getByAddress(address));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("exporter address of " + address.length + " bytes");
        }
    }

    public synchronized InetAddress address(int id) {
        return addresses.get(id);
    }

    public synchronized int size() {
        return addresses.size();
    }
}

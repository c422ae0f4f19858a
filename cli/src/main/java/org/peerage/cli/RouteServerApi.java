package org.peerage.cli;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.peerage.routeserver.config.ConfigException;
import org.peerage.routeserver.config.ConfigLoader;
import org.peerage.routeserver.config.RouteServerConfig;

/** Where the commands that ask a running route server find its HTTP API: --api, else --config's http.listen. */
final class RouteServerApi {
    static final String DEFAULT = "http://127.0.0.1:29184";

    private RouteServerApi() {
    }

    /** The API's base URL; an IllegalArgumentException says why there is none. */
    static String base(String api, Path config) {
        if (api != null) return api.replaceAll("/+$", "");
        if (config == null) return DEFAULT;
        RouteServerConfig c;
        try {
            c = ConfigLoader.load(config);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(String.join("\n", e.errors()));
        }
        if (c.http() == null) {
            throw new IllegalArgumentException(config + " has no http.listen: the route server serves no API to ask");
        }
        InetSocketAddress a = c.http();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}

package org.peerage.routeserver.config;

import java.util.List;

/** A configuration that cannot be used; each error names the file, the line and the key. */
public final class ConfigException extends Exception {
    private final List<String> errors;

    public ConfigException(List<String> errors) {
        super(String.join("\n", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}

package org.peerage.routeserver.config;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** The problems found in one configuration file, each as {@code FILE:LINE: KEY: what is wrong}. */
final class ConfigErrors {
    private final String file;
    private final List<String> errors = new ArrayList<>();

    ConfigErrors(String file) {
        this.file = file;
    }

    void add(Node at, String key, String message) {
        int line = at == null ? 0 : at.getStartMark().getLine() + 1;
        errors.add(file + ":" + line + ": " + (key.isEmpty() ? "" : key + ": ") + message);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<String> list() {
        return errors;
    }

    String file() {
        return file;
    }
}

package org.peerage.registry;

/** A file imported, or rejected whole with the reason (nothing of a rejected file is stored). */
public sealed interface ImportOutcome {
    String file();

    record Imported(ImportReport report) implements ImportOutcome {
        @Override
        public String file() {
            return report.file();
        }
    }

    /**
     * @param path JSONPath of the bad element ({@code $.net.data[17].asn}), or "" for a file that could not be read
     */
    record Rejected(String file, String path, String reason) implements ImportOutcome {
        /** "peeringdb.json: $.net.data[17].asn: expected an integer, got "x"". */
        public String message() {
            return file + ": " + (path.isEmpty() ? "" : path + ": ") + reason;
        }
    }
}

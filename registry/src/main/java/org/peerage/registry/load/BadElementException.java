package org.peerage.registry.load;

/**
 * A file element that cannot be accepted, named by its JSON path ({@code $.net.data[17].asn}) and, where known,
 * the line of the object it sits in. Thrown inside the readers only; the importer turns it into a rejection.
 */
public final class BadElementException extends Exception {
    private final String path;
    private final String reason;
    private final long line;

    public BadElementException(String path, String reason, long line) {
        super(path + ": " + reason + (line > 0 ? " (object at line " + line + ")" : ""));
        this.path = path;
        this.reason = reason;
        this.line = line;
    }

    public BadElementException(String path, String reason) {
        this(path, reason, 0);
    }

    public String path() {
        return path;
    }

    public String reason() {
        return reason;
    }

    /** The line where the enclosing object starts, or 0 when unknown. */
    public long line() {
        return line;
    }

    BadElementException atLine(long objectLine) {
        return line > 0 || objectLine <= 0 ? this : new BadElementException(path, reason, objectLine);
    }
}

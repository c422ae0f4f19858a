package org.peerage.policy;

/**
 * Policy data that cannot be used: the message names the file, the line or JSON path, and what is wrong, so that an
 * operator can fix the input without reading code.
 */
public final class PolicyDataException extends Exception {
    public PolicyDataException(String message) {
        super(message);
    }

    public PolicyDataException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.peerage.bgp.wire;

import java.util.List;

/**
 * Outcome of decoding: decoders report malformed input as values, never as exceptions.
 * A {@link Decoded} may still carry malformations whose action is milder than a session reset
 * (attribute discard, treat-as-withdraw); a {@link Failed} is one the message could not survive.
 */
public sealed interface DecodeResult<T> {

    record Decoded<T>(T value, List<Malformation> malformations) implements DecodeResult<T> {
        public Decoded {
            malformations = List.copyOf(malformations);
        }

        /** The most severe action required by the malformations, or null if the message was clean. */
        public ErrorAction worstAction() {
            ErrorAction worst = null;
            for (Malformation m : malformations) {
                worst = m.action().worse(worst);
            }
            return worst;
        }
    }

    record Failed<T>(Malformation malformation) implements DecodeResult<T> {
    }

    static <T> DecodeResult<T> ok(T value) {
        return new Decoded<>(value, List.of());
    }

    static <T> DecodeResult<T> failed(Malformation m) {
        return new Failed<>(m);
    }

    /** The decoded value, or an {@link IllegalStateException} naming the malformation (for tests and tools). */
    default T orThrow() {
        return switch (this) {
            case Decoded<T> d -> d.value();
            case Failed<T> f -> throw new IllegalStateException(f.malformation().toString());
        };
    }
}

package org.peerage.bgp.wire;

import java.util.List;

/** Outcome of framing one message from a byte stream: wait for more bytes, a message, or a fatal error. */
public sealed interface FrameResult {

    /** The buffer holds no complete message yet; at least {@code missing} more bytes are needed. */
    record NeedMore(int missing) implements FrameResult {
    }

    /**
     * A message of {@code length} bytes, header included, with any malformations milder than a session reset
     * (RFC 7606 attribute discard, treat-as-withdraw) found in it.
     */
    record Message(BgpMessage message, int length, List<Malformation> malformations) implements FrameResult {
        public Message {
            malformations = List.copyOf(malformations);
        }
    }

    /** The stream cannot go on: the malformation says which NOTIFICATION to send. */
    record Failed(Malformation malformation) implements FrameResult {
    }
}

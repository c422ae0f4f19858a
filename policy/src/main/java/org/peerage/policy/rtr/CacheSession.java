package org.peerage.policy.rtr;

import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.peerage.policy.rpki.Vrp;
import org.peerage.policy.rpki.VrpTable;
import org.peerage.policy.rtr.pdu.ErrorCode;
import org.peerage.policy.rtr.pdu.Pdu;
import org.peerage.policy.rtr.pdu.Pdu.CacheReset;
import org.peerage.policy.rtr.pdu.Pdu.CacheResponse;
import org.peerage.policy.rtr.pdu.Pdu.EndOfData;
import org.peerage.policy.rtr.pdu.Pdu.ErrorReport;
import org.peerage.policy.rtr.pdu.Pdu.Intervals;
import org.peerage.policy.rtr.pdu.Pdu.PrefixPdu;
import org.peerage.policy.rtr.pdu.Pdu.ResetQuery;
import org.peerage.policy.rtr.pdu.Pdu.RouterKey;
import org.peerage.policy.rtr.pdu.Pdu.SerialNotify;
import org.peerage.policy.rtr.pdu.Pdu.SerialQuery;
import org.peerage.policy.rtr.pdu.PduCodec;
import org.peerage.policy.rtr.pdu.PduResult;
import org.peerage.policy.rtr.pdu.PduType;

/**
 * The RTR protocol with one cache, without I/O: the client's loop reports connections, bytes and the time; the
 * session answers through a {@link Link} and keeps the cache's data. One connection at a time; confined to the
 * client's thread. Times are {@link System#nanoTime}-style values.
 *
 * <p>Every connection starts with a Reset Query in version 1. A cache that answers in version 0, or with Unsupported
 * Protocol Version, is reconnected to at once in version 0 (RFC 8210 §7); after any other failure the next connection
 * tries version 1 again, so an upgraded cache is noticed.
 */
final class CacheSession {
    /** The connection, as the session sees it. */
    interface Link {
        void send(byte[] pdu);

        /** Closes the connection; no {@link #disconnected} follows. */
        void close();
    }

    /** RFC 8210 §6: defaults, used until a version 1 End of Data says otherwise (and always in version 0). */
    private static final long DEFAULT_REFRESH = 3600;
    private static final long DEFAULT_RETRY = 600;
    private static final long DEFAULT_EXPIRE = 7200;
    private static final long INITIAL_BACKOFF = 1;
    /** An answer may stall this long, or the retry interval if longer, before the cache counts as failed. */
    private static final long MIN_RESPONSE_TIMEOUT = 30;

    private enum Query { NONE, RESET, SERIAL }

    private final RtrCache cache;
    private final RtrClock clock;
    private final Consumer<String> log;

    // The connection.
    private Link link;
    private boolean connecting;
    private long connectAt;
    private long backoff = INITIAL_BACKOFF;
    private int version = Pdu.VERSION_1;
    private boolean versionConfirmed;
    private byte[] in = new byte[4096];
    private int inLength;
    private int connectionSession;
    private boolean syncedOnConnection;

    // The query in flight and the timers.
    private Query outstanding = Query.NONE;
    private boolean responseStarted;
    private long lastActivity;
    private boolean notifyPending;
    private boolean queryRetryPending;
    private long queryRetryAt;
    private long refreshAt;
    private VrpDelta delta;

    // The data and what the operator sees.
    private VrpTable table;
    private long dataAt;
    private boolean expired;
    private int sessionId = -1;
    private long serial = -1;
    private Instant lastUpdate;
    private String lastError;
    private Instant lastErrorAt;
    private long refresh = DEFAULT_REFRESH;
    private long retry = DEFAULT_RETRY;
    private long expire = DEFAULT_EXPIRE;
    private Intervals lastIntervals;

    CacheSession(RtrCache cache, RtrClock clock, Consumer<String> log, long now) {
        this.cache = cache;
        this.clock = clock;
        this.log = log;
        this.connectAt = now;
    }

    RtrCache cache() {
        return cache;
    }

    // ---- connection events ------------------------------------------------------------------------------------

    boolean connectDue(long now) {
        return link == null && !connecting && now - connectAt >= 0;
    }

    void connecting() {
        connecting = true;
    }

    void connected(Link l, long now) {
        connecting = false;
        link = l;
        inLength = 0;
        versionConfirmed = false;
        syncedOnConnection = false;
        connectionSession = -1;
        notifyPending = false;
        queryRetryPending = false;
        sendQuery(Query.RESET, now);
    }

    void connectFailed(String reason, long now) {
        connecting = false;
        failed("cannot connect: " + reason, now);
    }

    /** The cache closed the connection or it broke; ignored for a link the session has let go of already. */
    void disconnected(Link from, String reason, long now) {
        if (from == link) {
            link = null;
            failed(reason, now);
        }
    }

    void received(byte[] data, int off, int length, long now) {
        if (link == null) {
            return;
        }
        lastActivity = now;
        if (inLength + length > in.length) {
            in = Arrays.copyOf(in, Math.max(in.length * 2, inLength + length));
        }
        System.arraycopy(data, off, in, inLength, length);
        inLength += length;
        int pos = 0;
        while (link != null) {
            PduResult r = PduCodec.decode(in, pos, inLength - pos);
            if (r instanceof PduResult.NeedMore) {
                break;
            }
            if (r instanceof PduResult.Malformed m) {
                malformed(m, now);
                return;
            }
            PduResult.Decoded d = (PduResult.Decoded) r;
            handle(d.pdu(), pos, d.length(), now);
            pos += d.length();
        }
        if (link != null) {
            System.arraycopy(in, pos, in, 0, inLength - pos);
            inLength -= pos;
        }
    }

    /** Runs the timers that are due: data expiry, a stalled answer, a retried query, the refresh. */
    void tick(long now) {
        if (table != null && now - (dataAt + nanos(expire)) >= 0) {
            expire(now);
        }
        if (link == null) {
            return;
        }
        if (outstanding != Query.NONE && now - (lastActivity + nanos(responseTimeout())) >= 0) {
            lost("no answer to the " + (outstanding == Query.RESET ? "Reset" : "Serial") + " Query for "
                    + responseTimeout() + " s", now);
        } else if (queryRetryPending && now - queryRetryAt >= 0) {
            sendQuery(syncedOnConnection ? Query.SERIAL : Query.RESET, now);
        } else if (syncedOnConnection && outstanding == Query.NONE && now - refreshAt >= 0) {
            sendQuery(Query.SERIAL, now);
        }
    }

    /** Nanoseconds from {@code now} until {@link #tick} or {@link #connectDue} has work; MAX_VALUE if never. */
    long nanosUntilNext(long now) {
        long next = Long.MAX_VALUE;
        if (table != null) {
            next = Math.min(next, dataAt + nanos(expire) - now);
        }
        if (link == null) {
            if (!connecting) {
                next = Math.min(next, connectAt - now);
            }
        } else if (outstanding != Query.NONE) {
            next = Math.min(next, lastActivity + nanos(responseTimeout()) - now);
        } else if (queryRetryPending) {
            next = Math.min(next, queryRetryAt - now);
        } else if (syncedOnConnection) {
            next = Math.min(next, refreshAt - now);
        }
        return Math.max(0, next);
    }

    // ---- what the client reads ----------------------------------------------------------------------------------

    /** The cache's complete data, or null if it has none (never synced, or expired). */
    VrpTable data() {
        return table;
    }

    /** Connected and synced on this connection: the first choice for the data in use. */
    boolean synced() {
        return link != null && syncedOnConnection && table != null;
    }

    RtrCacheState state() {
        if (link != null) {
            return syncedOnConnection ? RtrCacheState.SYNCED : RtrCacheState.SYNCING;
        }
        if (connecting || lastError == null) {
            return RtrCacheState.CONNECTING;
        }
        return expired ? RtrCacheState.EXPIRED : RtrCacheState.FAILED;
    }

    RtrCacheStatus status(boolean inUse) {
        return new RtrCacheStatus(cache, state(), inUse, version, sessionId, serial, lastUpdate,
                table == null ? 0 : table.size(), lastError, lastErrorAt);
    }

    // ---- the protocol ---------------------------------------------------------------------------------------

    private void handle(Pdu pdu, int start, int length, long now) {
        // An Error Report may come in another version: a cache that cannot speak ours answers in its own.
        if (!(pdu instanceof ErrorReport)) {
            if (pdu.version() != version) {
                if (!versionConfirmed && pdu.version() < version) {
                    downgrade("the cache answers in version " + pdu.version(), now);
                } else {
                    protocolError(ErrorCode.UNEXPECTED_PROTOCOL_VERSION, pdu.type().label() + " PDU of version "
                            + pdu.version() + " in a version " + version + " session", start, length, now);
                }
                return;
            }
            versionConfirmed = true;
        }
        switch (pdu) {
            case SerialNotify n -> serialNotify(n, start, length, now);
            case CacheResponse c -> cacheResponse(c, start, length, now);
            case PrefixPdu p -> prefix(p, start, length, now);
            case RouterKey k -> {
                // BGPsec router keys are of no use to origin validation: read past, once they are in place.
                if (!responseStarted) {
                    corrupt("Router Key PDU outside a Cache Response", start, length, now);
                }
            }
            case EndOfData e -> endOfData(e, start, length, now);
            case CacheReset c -> cacheReset(start, length, now);
            case SerialQuery _, ResetQuery _ -> protocolError(ErrorCode.UNSUPPORTED_PDU_TYPE, pdu.type().label()
                    + " PDUs go from routers to caches", start, length, now);
            case ErrorReport r -> cacheError(r, now);
        }
    }

    private void serialNotify(SerialNotify n, int start, int length, long now) {
        if (connectionSession >= 0 && n.sessionId() != connectionSession) {
            corrupt("Serial Notify for session " + n.sessionId() + ", this session is " + connectionSession, start,
                    length, now);
        } else if (outstanding != Query.NONE) {
            notifyPending = true;
        } else if (queryRetryPending) {
            sendQuery(syncedOnConnection ? Query.SERIAL : Query.RESET, now);
        } else if (syncedOnConnection) {
            sendQuery(Query.SERIAL, now);
        }
    }

    private void cacheResponse(CacheResponse c, int start, int length, long now) {
        if (outstanding == Query.NONE) {
            corrupt("Cache Response without a query", start, length, now);
        } else if (responseStarted) {
            corrupt("a second Cache Response before End of Data", start, length, now);
        } else if (outstanding == Query.SERIAL && c.sessionId() != connectionSession) {
            corrupt("Cache Response for session " + c.sessionId() + ", this session is " + connectionSession, start,
                    length, now);
        } else {
            connectionSession = c.sessionId();
            responseStarted = true;
            delta = new VrpDelta(outstanding == Query.RESET ? VrpTable.empty() : table);
        }
    }

    private void prefix(PrefixPdu p, int start, int length, long now) {
        if (!responseStarted) {
            corrupt(p.type().label() + " PDU outside a Cache Response", start, length, now);
            return;
        }
        // RTR says nothing of trust anchors or expiry: the cache vouches for the VRP while it announces it.
        Vrp v = new Vrp(p.prefix(), p.maxLength(), p.asn(), "", 0);
        if (p.announce() && !delta.announce(v)) {
            protocolError(ErrorCode.DUPLICATE_ANNOUNCEMENT_RECEIVED, "announcement of " + v + ", which is held "
                    + "already", start, length, now);
        } else if (!p.announce() && !delta.withdraw(v)) {
            protocolError(ErrorCode.WITHDRAWAL_OF_UNKNOWN_RECORD, "withdrawal of " + v + ", which is not held",
                    start, length, now);
        }
    }

    private void endOfData(EndOfData e, int start, int length, long now) {
        if (!responseStarted) {
            corrupt("End of Data without a Cache Response", start, length, now);
            return;
        }
        if (e.sessionId() != connectionSession) {
            corrupt("End of Data for session " + e.sessionId() + ", this session is " + connectionSession, start,
                    length, now);
            return;
        }
        if (e.intervals() != null) {
            useIntervals(e.intervals());
        }
        boolean first = !syncedOnConnection;
        int added = delta.addedCount();
        int removed = delta.removedCount();
        table = delta.result();
        delta = null;
        dataAt = now;
        expired = false;
        lastUpdate = clock.now();
        sessionId = connectionSession;
        serial = e.serial();
        syncedOnConnection = true;
        outstanding = Query.NONE;
        responseStarted = false;
        backoff = INITIAL_BACKOFF;
        refreshAt = now + nanos(refresh);
        if (first) {
            log("synced: version " + version + ", session " + sessionId + ", serial " + serial + ", " + table.size()
                    + " VRPs");
        } else if (added + removed > 0) {
            log("serial " + serial + ": " + added + " VRPs announced, " + removed + " withdrawn, " + table.size()
                    + " held");
        }
        if (notifyPending) {
            notifyPending = false;
            sendQuery(Query.SERIAL, now);
        }
    }

    private void cacheReset(int start, int length, long now) {
        if (outstanding != Query.SERIAL || responseStarted) {
            corrupt("Cache Reset not in answer to a Serial Query", start, length, now);
            return;
        }
        log("the cache cannot answer incrementally (Cache Reset): sending a Reset Query");
        sendQuery(Query.RESET, now);
    }

    private void cacheError(ErrorReport r, long now) {
        ErrorCode code = r.errorCode();
        if (code == ErrorCode.UNSUPPORTED_PROTOCOL_VERSION && version == Pdu.VERSION_1) {
            downgrade("the cache does not speak version 1 (" + r.describe() + ")", now);
        } else if (code == ErrorCode.NO_DATA_AVAILABLE) {
            // Not fatal (RFC 8210 §5.11): the cache has no data yet. Ask again on this connection later.
            outstanding = Query.NONE;
            responseStarted = false;
            delta = null;
            long wait = backoff;
            backoff = Math.min(backoff * 2, retry);
            queryRetryPending = true;
            queryRetryAt = now + nanos(wait);
            problem("the cache has no data yet (" + r.describe() + ")");
            log(lastError + "; asking again in " + wait + " s");
        } else {
            // No Error Report answers an Error Report (RFC 8210 §5.11).
            lost("the cache reported " + r.describe(), now);
        }
    }

    private void useIntervals(Intervals i) {
        if (i.equals(lastIntervals)) {
            return;
        }
        lastIntervals = i;
        // RFC 8210 §6 ranges; a cache outside them gets the nearest bound rather than a broken session.
        refresh = bounded("refresh", i.refresh(), 1, 86_400);
        retry = bounded("retry", i.retry(), 1, 7_200);
        expire = bounded("expire", i.expire(), 600, 172_800);
        if (expire <= refresh) {
            log("expire interval " + expire + " s is not longer than the refresh interval " + refresh
                    + " s (RFC 8210 §6): refreshing every " + Math.max(1, expire / 2) + " s");
            refresh = Math.max(1, expire / 2);
        }
        backoff = Math.min(backoff, retry);
    }

    private long bounded(String name, long value, long min, long max) {
        long v = Math.clamp(value, min, max);
        if (v != value) {
            log(name + " interval " + value + " s is outside " + min + ".." + max + " s (RFC 8210 §6): using " + v
                    + " s");
        }
        return v;
    }

    private void sendQuery(Query q, long now) {
        queryRetryPending = false;
        outstanding = q;
        responseStarted = false;
        lastActivity = now;
        link.send(PduCodec.encode(q == Query.RESET ? new ResetQuery(version)
                : new SerialQuery(version, connectionSession, serial)));
    }

    private void expire(long now) {
        log("data expired: no End of Data for " + expire + " s; its " + table.size() + " VRPs are dropped");
        table = null;
        expired = true;
        problem("data expired after " + expire + " s without an update");
        if (syncedOnConnection) {
            // Synced yet silent for the whole expire interval: start over with a Reset Query.
            lost("no End of Data for the expire interval", now);
        }
    }

    // ---- failures -----------------------------------------------------------------------------------------------

    private void corrupt(String reason, int start, int length, long now) {
        protocolError(ErrorCode.CORRUPT_DATA, reason, start, length, now);
    }

    /** The cache broke the protocol: tell it with an Error Report, then reconnect after the back-off. */
    private void protocolError(ErrorCode code, String reason, int start, int length, long now) {
        link.send(PduCodec.encode(new ErrorReport(version, code, Arrays.copyOfRange(in, start, start + length),
                reason)));
        lost(reason + "; sent Error Report " + code.label(), now);
    }

    private void malformed(PduResult.Malformed m, long now) {
        byte[] pdu = m.pdu();
        String reason = "malformed PDU: " + m.reason();
        if (pdu.length > 1 && (pdu[1] & 0xFF) == PduType.ERROR_REPORT.code()) {
            lost(reason, now);
        } else {
            link.send(PduCodec.encode(new ErrorReport(version, m.code(), pdu, m.reason())));
            lost(reason + "; sent Error Report " + m.code().label(), now);
        }
    }

    /** Ends the connection on the session's initiative. */
    private void lost(String reason, long now) {
        Link l = link;
        link = null;
        l.close();
        failed(reason, now);
    }

    /** The connection is gone (or never came): reconnect after the back-off, trying version 1 again. */
    private void failed(String reason, long now) {
        endConnection();
        problem(reason);
        long wait = backoff;
        backoff = Math.min(backoff * 2, retry);
        connectAt = now + nanos(wait);
        version = Pdu.VERSION_1;
        log(reason + "; reconnecting in " + wait + " s");
    }

    private void downgrade(String why, long now) {
        Link l = link;
        link = null;
        l.close();
        endConnection();
        version = Pdu.VERSION_0;
        connectAt = now;
        log(why + ": reconnecting in version 0");
    }

    private void endConnection() {
        inLength = 0;
        outstanding = Query.NONE;
        responseStarted = false;
        delta = null;
        notifyPending = false;
        queryRetryPending = false;
        syncedOnConnection = false;
        versionConfirmed = false;
    }

    private void problem(String reason) {
        lastError = reason;
        lastErrorAt = clock.now();
    }

    private long responseTimeout() {
        return Math.max(retry, MIN_RESPONSE_TIMEOUT);
    }

    private void log(String message) {
        log.accept("RTR cache " + cache.address() + ": " + message);
    }

    private static long nanos(long seconds) {
        return TimeUnit.SECONDS.toNanos(seconds);
    }
}

package org.peerage.interop.daemon;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * JUnit 5 extension for tests that start daemons ({@code @ExtendWith(DaemonExtension.class)}):
 *
 * <ul>
 *   <li>when a test fails, attaches the {@link Daemon#diagnostics()} (configuration, log tails) of every daemon it
 *       created to the failure as suppressed exceptions, so they appear in the report next to the assertion, and keeps
 *       their work directories;
 *   <li>after each test, stops every daemon the test created and left running, and deletes their work directories
 *       if it passed.
 * </ul>
 *
 * Daemons are attributed to a test by creation order, so tests using it must not run concurrently in one JVM.
 */
public final class DaemonExtension implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DaemonExtension.class);
    private static final String FIRST = "first-daemon-index";

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(FIRST, AbstractDaemon.CREATED.size());
        AbstractDaemon.cleanupDeferred = true;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        for (AbstractDaemon daemon : createdBy(context)) {
            daemon.keepWorkDir();
            if (!alreadyDescribes(failure, daemon)) {
                failure.addSuppressed(new Diagnostics(daemon.diagnostics()));
            }
        }
        throw failure;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<AbstractDaemon> daemons = createdBy(context);
        if (context.getExecutionException().isPresent()) {
            daemons.forEach(AbstractDaemon::keepWorkDir);
        }
        daemons.forEach(AbstractDaemon::stop);
        daemons.forEach(AbstractDaemon::cleanUp);
        AbstractDaemon.cleanupDeferred = false;
    }

    private static List<AbstractDaemon> createdBy(ExtensionContext context) {
        Integer first = context.getStore(NAMESPACE).get(FIRST, Integer.class);
        List<AbstractDaemon> all = AbstractDaemon.CREATED;
        return first == null ? List.of() : List.copyOf(all.subList(Math.min(first, all.size()), all.size()));
    }

    private static boolean alreadyDescribes(Throwable failure, Daemon daemon) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DaemonFailure f && f.daemon() == daemon) {
                return true;
            }
        }
        return false;
    }

    /** Carries one daemon's diagnostics as a suppressed exception: message only, no stack trace. */
    static final class Diagnostics extends RuntimeException {
        Diagnostics(String diagnostics) {
            super("daemon diagnostics\n" + diagnostics, null, false, false);
        }
    }
}

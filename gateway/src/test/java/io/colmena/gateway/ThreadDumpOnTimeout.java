package io.colmena.gateway;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a test fails because something timed out, prints every thread's stack (with locks) to
 * standard error before the failure is reported, so that a hang seen once in CI can be explained.
 */
final class ThreadDumpOnTimeout implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (causedByTimeout(failure)) {
            StringBuilder dump = new StringBuilder("Thread dump after a timeout in ")
                    .append(context.getDisplayName()).append(":\n");
            Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(true, true))
                    .forEach(thread -> append(dump, thread));
            System.err.println(dump);
        }
        throw failure;
    }

    private static boolean causedByTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException || String.valueOf(cause.getMessage()).contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    /** {@link ThreadInfo#toString()} cuts stacks at 8 frames; this prints them whole. */
    private static void append(StringBuilder dump, ThreadInfo thread) {
        dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
        if (thread.getLockName() != null) {
            dump.append(" on ").append(thread.getLockName());
        }
        if (thread.getLockOwnerName() != null) {
            dump.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
        }
        dump.append('\n');
        for (StackTraceElement frame : thread.getStackTrace()) {
            dump.append("\tat ").append(frame).append('\n');
        }
    }
}

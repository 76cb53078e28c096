package com.recguard.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool an {@link Archiver} writes objects on. Its tasks never wait on the pool
 * themselves (only the callers of {@link #all} wait), so any number of conversations archived at
 * once from other threads cannot deadlock it; at most {@code size} requests are in flight.
 * Threads are daemons and end when idle, so an archiver needs no closing.
 */
final class ObjectPool {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int size;
    private final ThreadPoolExecutor executor;

    ObjectPool(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("an archive writes at least one object at a time, not " + size);
        }
        this.size = size;
        if (size == 1) {
            this.executor = null;
            return;
        }
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "recguard-archive-" + pool + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        this.executor.allowCoreThreadTimeOut(true);
    }

    int size() {
        return size;
    }

    /**
     * Runs every task and returns their results in order, once all have ended. When any failed,
     * the rest still run to their end (so nothing of this call is in flight once it returns), and
     * the failure thrown is the first {@link IntegrityException}, else the first failure in task
     * order. Interrupted while waiting, it cancels what has not ended (interrupting it) and throws
     * a {@link StoreException} with the thread's interrupt flag set again.
     */
    <T> List<T> all(List<Callable<T>> tasks) {
        if (executor == null) {
            List<T> out = new ArrayList<>();
            for (Callable<T> t : tasks) {
                out.add(call(t));
            }
            return out;
        }
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> t : tasks) {
            futures.add(executor.submit(t));
        }
        List<T> out = new ArrayList<>();
        RuntimeException first = null;
        Error error = null;
        for (Future<T> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                futures.forEach(x -> x.cancel(true));
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while writing objects; none of this run's manifest was written", 0, e);
            } catch (CancellationException e) {
                first = first == null ? new StoreException("an object write was cancelled", 0, e) : first;
                out.add(null);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                out.add(null);
                if (cause instanceof Error err) {
                    error = error == null ? err : error;
                } else if (cause instanceof IntegrityException ie && !(first instanceof IntegrityException)) {
                    first = ie;
                } else if (first == null) {
                    first = cause instanceof RuntimeException re ? re : new StoreException(String.valueOf(cause.getMessage()), 0, cause);
                }
            }
        }
        if (error != null) {
            throw error;
        }
        if (first != null) {
            throw first;
        }
        return out;
    }

    private static <T> T call(Callable<T> t) {
        try {
            return t.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException(String.valueOf(e.getMessage()), 0, e);
        }
    }
}

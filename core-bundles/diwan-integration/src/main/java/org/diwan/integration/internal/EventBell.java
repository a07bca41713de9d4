package org.diwan.integration.internal;

import org.osgi.service.component.annotations.Component;

/**
 * Wakes the event relay when an event is written, so it does not poll the outbox. Rung before the writer commits:
 * the relay's read then waits on the new row's lock until the commit (or the rollback).
 */
@Component(service = EventBell.class)
public final class EventBell {

    private boolean rung;

    public synchronized void ring() {
        rung = true;
        notifyAll();
    }

    /** Waits until rung or {@code millis} pass; forgets the ring. */
    public synchronized void await(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (!rung) {
            long left = (end - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        rung = false;
    }
}

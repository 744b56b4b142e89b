package dk.tvaers.monitoring;

import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a background job until it is done (or 120 s have passed). */
final class Awaiting {

    static <T> T until(Supplier<T> read, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        T value = read.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not done: " + value);
            }
            Thread.sleep(50);
            value = read.get();
        }
        return value;
    }

    private Awaiting() {}
}

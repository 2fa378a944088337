package io.newsroom.news.benchmark;

import java.util.Arrays;
import java.util.Locale;

/** Collects durations and reports p50 / p99 in milliseconds. */
final class Timings {
    interface Action {
        void run() throws Exception;
    }

    private final long[] nanos;

    private Timings(long[] nanos) {
        this.nanos = nanos;
    }

    static Timings measure(int warmup, int runs, Action action) throws Exception {
        for (int i = 0; i < warmup; i++) {
            action.run();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            action.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new Timings(nanos);
    }

    double p50() {
        return percentile(0.50);
    }

    double p99() {
        return percentile(0.99);
    }

    private double percentile(double p) {
        int index = Math.min(nanos.length - 1, (int) Math.ceil(p * nanos.length) - 1);
        return nanos[Math.max(0, index)] / 1e6;
    }

    String line(String label) {
        return String.format(Locale.ROOT, "%-52s p50 %8.2f ms   p99 %8.2f ms", label, p50(), p99());
    }
}

package com.recguard.generate;

import java.util.List;

/**
 * SplitMix64: a small pseudo-random generator whose sequence is fixed by its seed on every JDK
 * (java.util.SplittableRandom's algorithm is not promised to stay the same), so a seed names the
 * same fixtures forever.
 */
final class SplitMix {

    private long state;

    SplitMix(long seed) {
        this.state = seed;
    }

    /** The generator of fixture {@code index} of a run seeded with {@code seed}: independent of the count. */
    static SplitMix forFixture(long seed, int index) {
        SplitMix mixer = new SplitMix(seed ^ 0x5DEECE66DL);
        long s = mixer.nextLong();
        return new SplitMix(s + 0x9E3779B97F4A7C15L * (index + 1L));
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) Long.remainderUnsigned(nextLong(), bound);
    }

    /** Uniform in [lo, hi], both inclusive. */
    int between(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    boolean chance(double p) {
        return (nextLong() >>> 11) * 0x1.0p-53 < p;
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    /** {@code n} random decimal digits. */
    String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + nextInt(10)));
        }
        return sb.toString();
    }
}

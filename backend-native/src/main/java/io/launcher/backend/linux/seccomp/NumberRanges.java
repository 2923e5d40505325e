package io.launcher.backend.linux.seccomp;

import io.launcher.spi.isolation.SeccompFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The call numbers of a filter cut into ranges that behave alike, in ascending order, together
 * covering every number from 0: the compiler's binary search tells them apart with one
 * comparison each. A number no rule names behaves as the default action, a number above the
 * highest named one as {@code above}; consecutive numbers alike make one range, so an allow list
 * of three hundred calls becomes a few dozen ranges.
 */
final class NumberRanges {
    /**
     * The numbers from {@code from} up to the next range's {@code from}: they return
     * {@code returnValue} at once when {@code rules} is null, else run {@code rules} (a leaf).
     */
    record Range(int from, List<SeccompFilter.Rule> rules, int returnValue) {
        boolean immediate() {
            return rules == null;
        }

        private boolean alike(Range other) {
            return returnValue == other.returnValue && sameRules(rules, other.rules);
        }
    }

    /**
     * The same rule objects in the same order (or both null). Identity, not record equality:
     * it is enough (one rule naming several calls is one object) and stays off the records'
     * equals, whose first call costs a bootstrap on this per-start path.
     */
    static boolean sameRules(List<SeccompFilter.Rule> a, List<SeccompFilter.Rule> b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    private final List<Range> ranges = new ArrayList<>();

    private NumberRanges() {
    }

    /** {@code byNumber} in ascending order of number, each number's rules in the filter's order. */
    static NumberRanges of(Map<Integer, List<SeccompFilter.Rule>> byNumber, int fallback, int above) {
        NumberRanges result = new NumberRanges();
        long next = 0;
        for (Map.Entry<Integer, List<SeccompFilter.Rule>> entry : byNumber.entrySet()) {
            int number = entry.getKey();
            if (number > next) {
                result.add(new Range((int) next, null, fallback));
            }
            result.add(behaviour(number, entry.getValue()));
            next = number + 1L;
        }
        result.add(new Range((int) next, null, byNumber.isEmpty() ? fallback : above));
        return result;
    }

    /** A first rule without conditions decides alone: the rest can never run. */
    private static Range behaviour(int number, List<SeccompFilter.Rule> rules) {
        SeccompFilter.Rule first = rules.get(0);
        if (first.conditions().isEmpty()) {
            return new Range(number, null, SeccompCompiler.returnValue(first.action()));
        }
        return new Range(number, List.copyOf(rules), 0);
    }

    private void add(Range range) {
        if (ranges.isEmpty() || !ranges.get(ranges.size() - 1).alike(range)) {
            ranges.add(range);
        }
    }

    int size() {
        return ranges.size();
    }

    Range get(int index) {
        return ranges.get(index);
    }
}

package io.wsk4j.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line flags of the form {@code --name=value}; a repeated flag keeps every value, the last one wins. */
final class Flags {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Flags() {}

    /** @throws IllegalArgumentException for anything but {@code --name=value} with a known name */
    static Flags parse(String[] args, Set<String> known) {
        Flags flags = new Flags();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            String name = arg.substring(2, equals);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown flag --" + name + "; known: --" + String.join(", --",
                        known.stream().sorted().toList()));
            }
            flags.values.computeIfAbsent(name, k -> new ArrayList<>()).add(arg.substring(equals + 1));
        }
        return flags;
    }

    String get(String name, String fallback) {
        List<String> given = values.get(name);
        return given == null ? fallback : given.get(given.size() - 1);
    }

    int integer(String name, int fallback) {
        String value = get(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, got " + value);
        }
    }

    /** A duration in seconds, fractions allowed ("0.5"). */
    double seconds(String name, double fallback) {
        String value = get(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            double seconds = Double.parseDouble(value.trim());
            if (!(seconds > 0) || seconds > 3600) {
                throw new IllegalArgumentException("--" + name + " must be more than 0 and at most 3600 s");
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs seconds, got " + value);
        }
    }

    /** A comma-separated list. */
    List<String> list(String name, List<String> fallback) {
        String value = get(name, null);
        return value == null ? fallback
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Every value of a repeatable flag, in order. */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }
}

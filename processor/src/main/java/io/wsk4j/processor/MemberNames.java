package io.wsk4j.processor;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The member names of one dispatch class, each handed out once. */
final class MemberNames {
    private final Set<String> taken = new HashSet<>();

    MemberNames(String... reserved) {
        taken.addAll(Set.of(reserved));
    }

    /** {@code wanted} if free, else the first free {@code wanted2}, {@code wanted3}... */
    String claim(String wanted) {
        String name = wanted;
        for (int suffix = 2; !taken.add(name); suffix++) {
            name = wanted + suffix;
        }
        return name;
    }

    static String capitalize(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** {@code SESSION_EVENTS} for {@code sessionEvents}. */
    static String constantName(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}

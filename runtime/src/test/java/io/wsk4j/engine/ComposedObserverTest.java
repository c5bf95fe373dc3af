package io.wsk4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The composed observer tells every observer that watches a place, and only those. */
class ComposedObserverTest {
    @Test
    @DisplayName("R3 every method of EngineObserver is passed on when composed: a new one is not silently dropped")
    void passesOnEveryMethod() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Method method : EngineObserver.class.getDeclaredMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Method composed = ComposedObserver.class.getMethod(method.getName(), method.getParameterTypes());
            if (composed.getDeclaringClass() != ComposedObserver.class) {
                missing.add(method.getName());
            }
        }
        assertTrue(missing.isEmpty(), "ComposedObserver does not pass on " + missing);
    }

    @Test
    @DisplayName("R3 an observer that does not watch a place is not called there; one that does is, in order")
    void callsOnlyTheObserversOfAPlace() {
        List<String> calls = new ArrayList<>();
        EngineObserver first = new EngineObserver() {
            @Override
            public void tornDown(IrpCore cause, int flushed, boolean abortive) {
                calls.add("first tornDown");
            }
        };
        EngineObserver second = new EngineObserver() {
            @Override
            public void tornDown(IrpCore cause, int flushed, boolean abortive) {
                calls.add("second tornDown");
            }

            @Override
            public void callLeft(EngineSocket socket) {
                calls.add("second callLeft");
            }
        };
        EngineObserver composed = EngineObserver.of(first, null, second);
        composed.tornDown(null, 0, false);
        composed.callLeft(null);
        assertEquals(List.of("first tornDown", "second tornDown", "second callLeft"), calls);
        assertTrue(EngineObserver.of(first, null, null) == first, "one observer is not wrapped");
    }
}

package io.wsk4j.transport.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SeedSpreadTest {
    @Test
    @DisplayName("S3 consecutive seeds make different first choices (java.util.Random's first draw is 0.73 for seeds"
            + " 1 to 20: a fault at a rate below that never struck a run's first choice on any of them)")
    void consecutiveSeedsDifferFromTheFirstChoice() {
        TreeSet<Integer> firstDraws = new TreeSet<>();
        int belowAFifth = 0;
        for (long seed = 1; seed <= 20; seed++) {
            double first = new SimNetwork(seed, Faults.NONE).random.nextDouble();
            firstDraws.add((int) (first * 10));
            belowAFifth += first < 0.2 ? 1 : 0;
        }
        assertTrue(firstDraws.size() >= 5, "the first draws of seeds 1 to 20 fall in tenths " + firstDraws);
        assertTrue(belowAFifth > 0, "a fault at rate 0.2 strikes the first choice of some seed among 1 to 20");
        assertTrue(new Random(1).nextDouble() > 0.7 && new Random(20).nextDouble() > 0.7,
                "what the scrambling is for: unscrambled, both seeds draw 0.73 first");
    }
}

package demo;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskOption;
import io.wsk4j.annotations.OnOptionComplete;

/** Generic, with a type variable named T: the start methods' own value variable must be named otherwise. */
public final class Tuner<T> {
    public record Knob<K>(K key) {}

    @OnOptionComplete
    <V> void tuned(NtStatus status, WskOption<V> option, V value, Knob<T> knob) {}

    @OnOptionComplete
    NtStatus read(Irp irp, String name) {
        irp.free();
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }
}

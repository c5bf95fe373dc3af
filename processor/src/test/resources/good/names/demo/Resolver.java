package demo;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.annotations.OnAddressInfoComplete;
import java.net.InetSocketAddress;
import java.util.List;

public final class Resolver {
    public record Lookup(String name) {}

    @OnAddressInfoComplete
    void resolved(NtStatus status, List<InetSocketAddress> addresses, Lookup lookup) {}

    @OnAddressInfoComplete
    NtStatus resolvedOwned(Irp irp, List<String> names) {
        irp.free();
        return NtStatus.MORE_PROCESSING_REQUIRED;
    }
}

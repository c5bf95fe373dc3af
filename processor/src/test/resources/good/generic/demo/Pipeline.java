package demo;

import io.wsk4j.NtStatus;
import io.wsk4j.annotations.OnDisconnectComplete;
import io.wsk4j.annotations.OnSendComplete;
import java.util.List;
import java.util.Map;

public class Pipeline<T extends CharSequence> {
    @OnSendComplete
    void sent(NtStatus status, long bytes, T context) {}

    @OnDisconnectComplete
    void disconnected(NtStatus status, Map<String, List<T>> context) {}
}

package demo;

import io.wsk4j.NtStatus;
import io.wsk4j.annotations.OnDisconnectComplete;

public class Outer {
    public static class Inner {
        @OnDisconnectComplete
        protected void disconnected(NtStatus status, Outer context) {}
    }
}

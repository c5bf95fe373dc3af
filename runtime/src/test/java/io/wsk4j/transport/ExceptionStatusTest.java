package io.wsk4j.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wsk4j.NtStatus;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExceptionStatusTest {
    @Test
    @DisplayName("X3 X5 a process or system out of file descriptors is INSUFFICIENT_RESOURCES, like a socket that cannot be made")
    void outOfFileDescriptors() {
        assertEquals(NtStatus.INSUFFICIENT_RESOURCES, ExceptionStatus.of(new IOException("Too many open files")));
        assertEquals(NtStatus.INSUFFICIENT_RESOURCES,
                ExceptionStatus.of(new IOException("Too many open files in system")));
        assertEquals(NtStatus.CONNECTION_REFUSED, ExceptionStatus.of(new ConnectException("Connection refused")));
        assertEquals(NtStatus.ADDRESS_ALREADY_EXISTS, ExceptionStatus.of(new BindException("Address already in use")));
        assertEquals(NtStatus.CONNECTION_RESET, ExceptionStatus.of(new IOException("Connection reset by peer")));
    }

    @Test
    @DisplayName("X3 a connect the kernel gave up on (Linux: ConnectException \"Connection timed out\") is IO_TIMEOUT, not refused")
    void connectTimedOut() {
        assertEquals(NtStatus.IO_TIMEOUT, ExceptionStatus.of(new ConnectException("Connection timed out")));
        assertEquals(NtStatus.CONNECTION_REFUSED, ExceptionStatus.of(new ConnectException("Connection refused")));
    }
}

package io.wsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SPEC A1, which needs no network. The IRP rules' behaviour is in {@code io.wsk4j.conformance.IrpContractTest}, on
 * both transports.
 */
@Timeout(60)
class NtStatusTest {
    @Test
    @DisplayName("A1 NtStatus carries the real NTSTATUS codes with NT_SUCCESS semantics")
    void ntStatusCodes() {
        assertEquals(0x00000000, NtStatus.SUCCESS.code());
        assertEquals(0x00000103, NtStatus.PENDING.code());
        assertEquals(0xC0000016, NtStatus.MORE_PROCESSING_REQUIRED.code());
        assertEquals(0xC0000120, NtStatus.CANCELLED.code());
        assertEquals(0xC000020D, NtStatus.CONNECTION_RESET.code());
        assertEquals(0xC0000241, NtStatus.CONNECTION_ABORTED.code());
        assertEquals(0xC0000236, NtStatus.CONNECTION_REFUSED.code());
        assertTrue(NtStatus.PENDING.isSuccess(), "PENDING counts as success: it is not done");
        assertFalse(NtStatus.CANCELLED.isSuccess());
        for (NtStatus status : NtStatus.values()) {
            assertEquals(status, NtStatus.of(status.code()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NtStatus.of(0x12345));
        assertTrue(e.getMessage().contains("0x00012345"), e.getMessage());
    }

}

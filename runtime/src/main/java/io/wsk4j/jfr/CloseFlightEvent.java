package io.wsk4j.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One WskCloseSocket, from the dispatch call to its completion. */
@Name("io.wsk4j.Close")
@Label("WSK Close")
@Category({"wsk4j", "Socket"})
@Description("A WskCloseSocket, from its dispatch call to its completion")
@Enabled(false) // off unless a recording enables it by name (SPEC R3)
@StackTrace(false) // it commits on an I/O thread, whose stack says nothing about the application
final class CloseFlightEvent extends jdk.jfr.Event {
    @Label("Local Address")
    String localAddress;

    @Label("Remote Address")
    String remoteAddress;

    @Label("Pending IRPs Flushed")
    @Description("IRPs of the socket that were still pending and that the close completed before its own")
    int pendingIrpsFlushed;

    @Label("Abortive")
    @Description("Whether the close reset the connection (RST); false for a quiet or lingering close")
    boolean abortive;

    @Label("Status")
    @Description("The NTSTATUS the IRP completed with")
    String status;
}

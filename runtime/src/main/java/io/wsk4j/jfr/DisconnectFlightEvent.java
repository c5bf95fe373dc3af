package io.wsk4j.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One WskDisconnect, from the dispatch call (its start) to its completion (its end). */
@Name("io.wsk4j.Disconnect")
@Label("WSK Disconnect")
@Category({"wsk4j", "Socket"})
@Description("A WskDisconnect, from its dispatch call to its completion")
@Enabled(false) // off unless a recording enables it by name (SPEC R3)
@StackTrace(false) // it commits on an I/O thread, whose stack says nothing about the application
final class DisconnectFlightEvent extends jdk.jfr.Event {
    @Label("Local Address")
    String localAddress;

    @Label("Remote Address")
    String remoteAddress;

    @Label("Mode")
    @Description("GRACEFUL or ABORTIVE")
    String mode;

    @Label("Final Buffer Size")
    @Description("Bytes of the final buffer sent before the FIN; 0 without one")
    @DataAmount
    long finalBufferSize;

    @Label("Status")
    @Description("The NTSTATUS the IRP completed with")
    String status;
}
